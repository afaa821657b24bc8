CREATE TABLE IF NOT EXISTS fanclub_plus_ids (
    email TEXT PRIMARY KEY COLLATE NOCASE,   -- a Plus member ID is an e-mail address
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fanclub_members (
    id INTEGER PRIMARY KEY,
    member_number TEXT NOT NULL UNIQUE,      -- before the renewal (what STEP2 asks for)
    new_member_number TEXT UNIQUE,           -- given at the first login (or at a new registration)
    name_kanji TEXT NOT NULL,
    name_kana TEXT NOT NULL,
    name_roman TEXT NOT NULL,
    birth_date TEXT,                         -- YYYY-MM-DD as registered; NULL = 未登録
    joined_on TEXT NOT NULL,                 -- 入会日 (carried over by the first login)
    status TEXT NOT NULL DEFAULT 'active',   -- active | withdrawn
    registered_via TEXT NOT NULL DEFAULT 'renewal',  -- renewal (member before the renewal) | new (新規入会)
    carrier TEXT,                            -- docomo | au | softbank
    billing_id TEXT,
    plus_member_id TEXT REFERENCES fanclub_plus_ids(email),
    first_login_at TEXT
);
CREATE TABLE IF NOT EXISTS fanclub_step2_failures (
    member_number TEXT PRIMARY KEY,          -- as typed (known or not: the limit must not tell which exist)
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
CREATE TABLE IF NOT EXISTS fanclub_links (
    token TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES fanclub_members(id),
    email TEXT NOT NULL,
    kind TEXT NOT NULL,                      -- register (会員登録URL) | existing (取得済ID)
    issued_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
