// Allure 3 configuration of `make report` (run from the repository root: allure generate --config steps/reporting/allurerc.mjs).
// Categories tell a product defect (the site does not do what the document says) from a harness error.
const HARNESS = /HarnessError|StepDefinitionNotFound|the simulator did not start|ConnectionError|fixture '.*' not found/;

export default {
  name: "初回ログイン 仕様適合レポート",
  output: "reports/allure-report",
  historyPath: "reports/history/history.jsonl",
  historyLimit: 50,
  plugins: {
    awesome: {
      options: {
        reportName: "初回ログイン 仕様適合レポート (My APLUS・ファンクラブ)",
        reportLanguage: "ja",
        singleFile: true,
        groupBy: ["epic", "feature", "story"],
        stepTreeExpansion: "expand_failed_only",
      },
    },
  },
  categories: {
    rules: [
      // features/security/: advice against ASVS / NIST / OWASP, never a product defect (steps/evidence/advisory.py)
      { id: "advisory", name: "セキュリティ所見 (ADVISORY: 参考、適合率・ゲートに含めない)",
        matchers: { statuses: ["failed"], message: /^ADVISORY/ } },
      { id: "harness", name: "ハーネスのエラー (制御API・スタブ・未定義のステップ・対象の起動)",
        matchers: [{ statuses: ["failed", "broken"], message: HARNESS }, { statuses: ["failed", "broken"], trace: HARNESS }] },
      { id: "ui-timeout", name: "画面操作のタイムアウト (要素が見つからない・応答しない)",
        matchers: { statuses: ["broken"], message: /TimeoutError|Timeout \d+ms exceeded/ } },
      { id: "product", name: "製品の欠陥 (文書の記述と異なる)", matchers: { statuses: ["failed"] } },
      { id: "other", name: "その他のテストエラー", matchers: { statuses: ["broken"] } },
    ],
  },
};
