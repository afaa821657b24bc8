CREATE TABLE IF NOT EXISTS myaplus_accounts (
    id INTEGER PRIMARY KEY,
    name_kanji TEXT NOT NULL,
    name_kana TEXT NOT NULL,
    name_roman TEXT NOT NULL,          -- "Family Given", used by the password rule
    birth_date TEXT NOT NULL,          -- YYYY-MM-DD
    phone TEXT NOT NULL,
    card_number TEXT NOT NULL,
    card_email TEXT NOT NULL,          -- the e-mail registered with the credit card
    old_id TEXT UNIQUE,                -- NETstation*APLUS ID (NULL once migrated)
    old_password_hash TEXT,
    old_failures INTEGER NOT NULL DEFAULT 0,
    old_locked INTEGER NOT NULL DEFAULT 0,
    myaplus_id TEXT UNIQUE,            -- the My APLUS ID (an e-mail address) once migrated
    password_hash TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    code_failures INTEGER NOT NULL DEFAULT 0,
    code_locked_until TEXT,
    last_login_at TEXT,
    previous_login_at TEXT,
    migrated_at TEXT
);
CREATE TABLE IF NOT EXISTS myaplus_codes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES myaplus_accounts(id),
    purpose TEXT NOT NULL,             -- email | phone
    channel TEXT NOT NULL,             -- mail | sms | voice
    code TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active'  -- active | used | void
);
CREATE TABLE IF NOT EXISTS myaplus_reset_tokens (
    token TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES myaplus_accounts(id),
    issued_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
