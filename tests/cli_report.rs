//! `residesk report` from the real binary: JSON with the documented fields,
//! CSV, an XLSX file, and a bad month refused.

use std::process::Command;

use chrono::{TimeZone, Utc};
use residesk::app::App;
use residesk::config::Settings;
use residesk::desk::{self, NewRequest, Source};
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::store::Db;

fn residesk(dir: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_residesk"));
    command
        .current_dir(dir.path())
        .env("RUST_LOG", "warn")
        .env("RESIDESK_DATABASE", dir.path().join("cli.db"));
    command
}

async fn two_tickets(dir: &tempfile::TempDir) {
    let db = Db::open(&dir.path().join("cli.db")).await.unwrap();
    let app = App::new(db.clone(), Settings::default());
    for (n, kind) in [Kind::Complaint, Kind::Repair].into_iter().enumerate() {
        let request = NewRequest {
            kind,
            category: Category::Noise,
            urgency: Urgency::Normal,
            unit_id: None,
            resident_id: None,
            source: Source::Visit,
            logged_by: None,
            description: "樓上好嘈".to_owned(),
            when: None,
            photos: Vec::new(),
        };
        let at = Utc
            .with_ymd_and_hms(2026, 11, 3 + n as u32, 2, 0, 0)
            .unwrap();
        let mut tx = db.begin().await.unwrap();
        desk::open_ticket(&mut tx, &app, request, at).await.unwrap();
        tx.commit().await.unwrap();
    }
}

#[tokio::test]
async fn report_prints_json_csv_and_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    two_tickets(&dir).await;
    let out = residesk(&dir)
        .args(["report", "--month", "2026-11", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["month"], "2026-11");
    assert_eq!(json["tickets"]["total"], 2);
    assert_eq!(json["tickets"]["by_kind"]["complaint"], 1);
    assert_eq!(json["tickets"]["by_category"]["noise"], 2);
    assert_eq!(json["tickets"]["by_source"]["visit"], 2);
    for field in [
        "response",
        "resolution",
        "callbacks",
        "satisfaction",
        "hot_spots",
    ] {
        assert!(!json[field].is_null(), "{field}");
    }
    assert!(
        json["complaints"]["validity_rate"].is_null(),
        "nothing judged yet"
    );
    assert_eq!(json["previous"]["month"], "2026-10");

    let out = residesk(&dir)
        .args(["report", "--month", "2026-11", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("噪音") || csv.contains("Noise"), "{csv}");

    let file = dir.path().join("r.xlsx");
    let out = residesk(&dir)
        .args(["report", "--month", "2026-11", "--format", "xlsx", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    use calamine::Reader;
    assert_eq!(book.sheet_names().len(), 12);

    let out = residesk(&dir)
        .args(["report", "--month", "November", "--format", "json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM"));
}
