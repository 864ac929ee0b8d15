//! `residesk parse`: one message, or JSON lines on standard input.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Category, Kind, Understanding, UnitRef, Urgency, understand};

/// Arguments of `residesk parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The message to parse.
    pub text: Option<String>,
    /// The moment the message was sent (RFC 3339); default: now.
    #[arg(long)]
    pub now: Option<String>,
    /// Read `{"id","text","now"}` lines on standard input, write one result per line.
    #[arg(long)]
    pub jsonl: bool,
}

/// The estate's zone when the input names none (`now` given as an offset only).
const DEFAULT_ZONE: Tz = chrono_tz::Asia::Hong_Kong;

/// One input line of `--jsonl`.
#[derive(Debug, Deserialize)]
struct Line {
    text: String,
    now: Option<String>,
}

/// `now` in the zone to use: Hong Kong, unless the given offset differs from
/// Hong Kong's at that moment, in which case that fixed offset is kept.
fn zoned_now(raw: Option<&str>) -> Result<DateTime<Tz>, String> {
    let fixed: DateTime<FixedOffset> = match raw {
        Some(s) => {
            DateTime::parse_from_rfc3339(s.trim()).map_err(|e| format!("bad now {s:?}: {e}"))?
        }
        None => Utc::now().with_timezone(&DEFAULT_ZONE).fixed_offset(),
    };
    let hk = fixed.with_timezone(&DEFAULT_ZONE);
    if hk.offset().fix() == *fixed.offset() {
        return Ok(hk);
    }
    // Another offset: pick a zone with that fixed offset (Etc/GMT±N) when whole hours.
    let secs = fixed.offset().local_minus_utc();
    let name = match secs {
        0 => "Etc/UTC".to_owned(),
        s if s % 3600 == 0 => format!("Etc/GMT{:+}", -s / 3600),
        _ => return Ok(hk),
    };
    let zone: Tz = name.parse().map_err(|e| format!("zone {name}: {e}"))?;
    Ok(fixed.with_timezone(&zone))
}

use chrono::Offset as _;

/// One output line, fields in TAXONOMY order (`id` first when given).
#[derive(Debug, Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    kind: Kind,
    category: Category,
    urgency: Urgency,
    unit: Option<UnitRef>,
    when: Option<OutWhen>,
    confidence: f64,
    /// Added after the TAXONOMY fields: the shared area named, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'static str>,
    /// Added after the TAXONOMY fields: greeting, thanks or ok, if only that.
    #[serde(skip_serializing_if = "Option::is_none")]
    small_talk: Option<super::SmallTalk>,
}

#[derive(Debug, Serialize)]
struct OutWhen {
    start: String,
    end: String,
}

/// An input line that could not be parsed.
#[derive(Debug, Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: String,
}

fn output<'a>(id: Option<&'a Value>, u: Understanding) -> Output<'a> {
    Output {
        id,
        kind: u.kind,
        category: u.category,
        urgency: u.urgency,
        unit: u.unit,
        when: u.when.map(|w| OutWhen {
            start: w.start.to_rfc3339(),
            end: w.end.to_rfc3339(),
        }),
        confidence: (f64::from(u.confidence) * 100.0).round() / 100.0,
        area: u.area,
        small_talk: u.small_talk,
    }
}

fn to_line<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot write result: {e}\"}}"))
}

fn parse_line(line: &str) -> String {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return to_line(&ErrorLine {
                id: None,
                error: format!("invalid JSON: {e}"),
            });
        }
    };
    let id = value.get("id");
    let parsed: Line = match serde_json::from_value(value.clone()) {
        Ok(l) => l,
        Err(e) => {
            return to_line(&ErrorLine {
                id,
                error: format!("bad line: {e}"),
            });
        }
    };
    match zoned_now(parsed.now.as_deref()) {
        Ok(now) => to_line(&output(id, understand(&parsed.text, now))),
        Err(error) => to_line(&ErrorLine { id, error }),
    }
}

/// Runs `residesk parse`.
pub fn run(args: ParseArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.jsonl {
        let stdin = std::io::stdin();
        let mut failed = false;
        for line in stdin.lock().lines() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    let error = ErrorLine {
                        id: None,
                        error: format!("unreadable input: {e}"),
                    };
                    let _ = writeln!(out, "{}", to_line(&error));
                    failed = true;
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            if writeln!(out, "{}", parse_line(&line)).is_err() {
                return ExitCode::FAILURE;
            }
        }
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let Some(text) = args.text else {
        let _ = writeln!(
            std::io::stderr(),
            "residesk parse: give a message, or --jsonl to read lines"
        );
        return ExitCode::FAILURE;
    };
    match zoned_now(args.now.as_deref()) {
        Ok(now) => match writeln!(out, "{}", to_line(&output(None, understand(&text, now)))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        },
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "residesk parse: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Value {
        serde_json::from_str(&parse_line(line)).unwrap()
    }

    #[test]
    fn a_jsonl_line_keeps_its_id_first() {
        let raw = parse_line(r#"{"id":"s1","text":"聽日三點","now":"2026-11-27T10:00:00+08:00"}"#);
        assert!(raw.starts_with(r#"{"id":"s1","kind":"#), "{raw}");
        let out: Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(out["when"]["start"], "2026-11-28T15:00:00+08:00");
    }

    #[test]
    fn a_bad_line_is_an_error_line_with_the_id_when_known() {
        assert!(parsed("not json")["error"].is_string());
        let out = parsed(r#"{"id":7,"now":"2026-11-27T10:00:00+08:00"}"#);
        assert_eq!(out["id"], 7);
        assert!(out["error"].is_string());
        let out = parsed(r#"{"id":"x","text":"hi","now":"yesterday"}"#);
        assert_eq!(out["id"], "x");
        assert!(out["error"].as_str().unwrap().contains("bad now"));
    }

    #[test]
    fn the_output_has_every_field_of_the_taxonomy() {
        let out = parsed(r#"{"id":"a","text":"3座1502室漏水","now":"2026-11-27T10:00:00+08:00"}"#);
        for key in ["kind", "category", "urgency", "unit", "when", "confidence"] {
            assert!(out.get(key).is_some(), "{key}");
        }
        assert_eq!(out["unit"]["building"], "3");
        assert_eq!(out["unit"]["flat"], "1502");
    }

    #[test]
    fn another_offset_is_kept_in_the_output() {
        let now = zoned_now(Some("2026-11-27T10:00:00+09:00")).unwrap();
        assert_eq!(now.fixed_offset().to_rfc3339(), "2026-11-27T10:00:00+09:00");
    }
}
