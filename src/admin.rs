//! Office administration from the command line: importing the unit register
//! and inviting staff and supervisors.

use std::io::Read;

use chrono::{DateTime, Utc};
use rand::Rng;

use crate::domain::phone::Phone;
use crate::domain::role::Role;
use crate::error::Error;
use crate::store::{self, Db};

/// One row of the register file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Line number in the file (the header is line 1).
    pub line: u64,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub added: usize,
    pub already_there: usize,
    pub bad: Vec<BadRow>,
}

/// Imports the unit register: a CSV file with a header naming the columns
/// `building`, `flat`, `name`, `phone` (in any order). Re-running it is safe;
/// bad rows are reported with their line numbers and the rest imported.
pub async fn import_units(db: &Db, input: impl Read) -> Result<ImportReport, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| Error::Other(format!("cannot read the header line: {e}")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    };
    let (Some(b), Some(f), Some(n), Some(p)) = (
        column("building"),
        column("flat"),
        column("name"),
        column("phone"),
    ) else {
        return Err(Error::Other(
            "the header must name the columns building, flat, name, phone".to_owned(),
        ));
    };
    let mut report = ImportReport::default();
    let mut tx = db.begin().await?;
    for (index, record) in reader.records().enumerate() {
        report.rows += 1;
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(index as u64 + 2, |p| p.line());
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                report.bad.push(BadRow {
                    line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let building = field(b).to_uppercase();
        let flat = field(f).to_uppercase();
        let name = field(n);
        if building.is_empty() || flat.is_empty() {
            report.bad.push(BadRow {
                line,
                reason: "building and flat are required".to_owned(),
            });
            continue;
        }
        let phone = match Phone::parse(field(p)) {
            Ok(phone) => phone,
            Err(e) => {
                report.bad.push(BadRow {
                    line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let unit = store::units::upsert(&mut tx, &building, &flat).await?;
        if store::units::add_to_register(&mut tx, unit.id, name, phone.as_str()).await? {
            report.added += 1;
        } else {
            report.already_there += 1;
        }
    }
    tx.commit().await?;
    Ok(report)
}

/// Letters and digits that cannot be mistaken for one another.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A fresh one-time invite code, e.g. `K7Q2M8PD`.
fn new_code() -> String {
    let mut rng = rand::rng();
    (0..8)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// Creates an invite for a role (and a department for staff); returns the code.
pub async fn create_invite(
    db: &Db,
    role: Role,
    department: Option<&str>,
    now: DateTime<Utc>,
    ttl: std::time::Duration,
) -> Result<String, Error> {
    let expires_at =
        now + chrono::Duration::from_std(ttl).map_err(|e| Error::Other(e.to_string()))?;
    let code = new_code();
    let mut tx = db.begin().await?;
    store::invites::create(&mut tx, &code, role, department, now, expires_at).await?;
    let details = serde_json::json!({ "role": role.as_str(), "department": department });
    store::audit::record(
        &mut tx,
        now,
        None,
        "invite.created",
        Some(&format!("invite:{code}")),
        &details,
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// The deep link that opens the bot with the code.
pub fn invite_link(bot_username: &str, code: &str) -> String {
    format!("https://t.me/{bot_username}?start={code}")
}

/// `residesk survey …`: imports a survey draft, or writes a survey's results.
pub async fn survey(
    settings: &crate::config::Settings,
    which: crate::cli::SurveyCommand,
) -> Result<(), Error> {
    use crate::cli::{ResultsFormat, SurveyCommand};
    match which {
        SurveyCommand::Import { file } => {
            let source = std::fs::read_to_string(&file)
                .map_err(|e| Error::Other(format!("cannot read {}: {e}", file.display())))?;
            let imported = crate::domain::survey_file::parse(&source, settings.timezone)
                .map_err(|e| Error::Other(format!("{}: {e}", file.display())))?;
            let db = Db::open(&settings.database).await?;
            let id = import_survey(&db, &imported, Utc::now()).await?;
            println!(
                "survey #{id} drafted: \"{}\", {} questions. A supervisor previews and sends it with /survey.",
                imported
                    .plan
                    .survey
                    .title
                    .get(settings.default_language, settings.default_language),
                imported.plan.survey.questions.len()
            );
            Ok(())
        }
        SurveyCommand::Results {
            id,
            format,
            output,
            lang,
        } => {
            let lang = match lang {
                Some(tag) => tag.parse().map_err(|_| {
                    Error::Other(format!("unknown language `{tag}` (zh-Hant, zh-Hans, en)"))
                })?,
                None => settings.default_language,
            };
            let db = Db::open(&settings.database).await?;
            let app = crate::app::App::new(db, settings.clone());
            let report = crate::desk::campaign::results::report(&app, id, lang)
                .await?
                .ok_or_else(|| Error::Other(format!("there is no survey #{id}")))?;
            let bytes = match format {
                ResultsFormat::Json => report.json().into_bytes(),
                ResultsFormat::Csv => report.csv(lang, settings.default_language).into_bytes(),
                ResultsFormat::Xlsx if output.is_none() => {
                    return Err(Error::Other(
                        "an XLSX workbook is written to a file: add --output FILE.xlsx".to_owned(),
                    ));
                }
                ResultsFormat::Xlsx => report.xlsx(lang, settings.default_language)?,
            };
            match output {
                Some(path) => std::fs::write(&path, bytes)
                    .map_err(|e| Error::Other(format!("cannot write {}: {e}", path.display()))),
                None => {
                    println!("{}", String::from_utf8_lossy(&bytes).trim_end());
                    Ok(())
                }
            }
        }
    }
}

/// Creates a survey draft from an imported file; returns its number.
pub async fn import_survey(
    db: &Db,
    imported: &crate::domain::survey_file::Imported,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let mut tx = db.begin().await?;
    let id = crate::desk::campaign::import(&mut tx, imported, None, now).await?;
    tx.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing;

    const REGISTER: &str = "building,flat,name,phone\n\
        3,1502,Chan Tai Man,+852 9123 4567\n\
        3,1502,Chan Siu Ming,9876-5432\n\
        B,12A,Lee Ka Yan,\n\
        ,1,Nobody,91234567\n\
        5,802,王芳,+86 138 0013 8000\n";

    #[tokio::test]
    async fn bad_rows_are_reported_by_line_and_the_rest_imported() {
        let (db, _dir) = testing::db().await;
        let report = import_units(&db, REGISTER.as_bytes()).await.unwrap();
        assert_eq!(report.rows, 5);
        assert_eq!(report.added, 3);
        let lines: Vec<u64> = report.bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![4, 5]);
    }

    #[tokio::test]
    async fn importing_twice_adds_nothing_new() {
        let (db, _dir) = testing::db().await;
        import_units(&db, REGISTER.as_bytes()).await.unwrap();
        let again = import_units(&db, REGISTER.as_bytes()).await.unwrap();
        assert_eq!(again.added, 0);
        assert_eq!(again.already_there, 3);
        let mut tx = db.begin().await.unwrap();
        let units = store::units::registered_for_phone(&mut tx, "91234567")
            .await
            .unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].label(), "3-1502");
    }

    #[tokio::test]
    async fn a_file_without_the_columns_is_refused() {
        let (db, _dir) = testing::db().await;
        let err = import_units(&db, "a,b\n1,2\n".as_bytes())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("building"), "{err}");
    }

    #[tokio::test]
    async fn an_invite_code_is_stored_unused_with_its_expiry() {
        let (db, _dir) = testing::db().await;
        let now = Utc::now();
        let code = create_invite(
            &db,
            Role::Staff,
            Some("engineering"),
            now,
            std::time::Duration::from_secs(60),
        )
        .await
        .unwrap();
        assert_eq!(code.len(), 8);
        let mut tx = db.begin().await.unwrap();
        let invite = store::invites::get(&mut tx, &code).await.unwrap().unwrap();
        assert_eq!(invite.department.as_deref(), Some("engineering"));
        assert!(invite.used_by.is_none());
        assert!(invite.expires_at > now);
    }
}
