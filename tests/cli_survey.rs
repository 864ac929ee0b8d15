//! `residesk survey import` and `residesk survey results` with the real binary.

use std::process::Command;

fn residesk(dir: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_residesk"));
    command
        .current_dir(dir.path())
        .env("RUST_LOG", "warn")
        .env("RESIDESK_DATABASE", dir.path().join("cli.db"));
    command
}

fn example() -> String {
    format!("{}/examples/survey.toml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_example_imports_as_a_draft_whose_results_print_as_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = residesk(&dir)
        .args(["survey", "import", &example()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("survey #1 drafted"), "{said}");
    assert!(said.contains("3 questions"), "{said}");

    let out = residesk(&dir)
        .args(["survey", "results", "1", "--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["survey"], 1);
    assert_eq!(json["status"], "draft");
    assert_eq!(json["title"], "Residents' opinion survey 2026");
    assert_eq!(json["questions"].as_array().unwrap().len(), 3);

    let file = dir.path().join("out.csv");
    let out = residesk(&dir)
        .args(["survey", "results", "1", "--format", "csv", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.starts_with("response,building,unit,completed,Q1 您對管理處的整體服務滿意嗎？"),
        "the estate's language by default: {csv}"
    );

    let out = residesk(&dir)
        .args(["survey", "results", "1", "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a workbook is not printed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
    let book = dir.path().join("out.xlsx");
    let out = residesk(&dir)
        .args(["survey", "results", "1", "--format", "xlsx", "-o"])
        .arg(&book)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK"));
}

#[test]
fn a_bad_file_or_an_unknown_survey_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "title = \"T\"\n[[questions]]\nkind = \"single\"\ntext = \"Q\"\noptions = [\"only one\"]\n",
    )
    .unwrap();
    let out = residesk(&dir)
        .args(["survey", "import"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("question 1 needs 2 to 10 options"), "{err}");

    let out = residesk(&dir)
        .args(["survey", "results", "99"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no survey #99"));
}
