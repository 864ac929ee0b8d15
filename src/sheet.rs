//! Tables as files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs
//! read Chinese right) and XLSX workbooks with a sheet per table. Pure: tables
//! in, bytes out; the caller stores and sends them.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The MIME type of an XLSX workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The MIME type of a CSV file.
pub const CSV_MIME: &str = "text/csv";

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with `decimals` places.
    Number(f64, usize),
    /// A share (0–1) shown as a percentage.
    Percent(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    /// A number when there is one, else an empty cell.
    pub fn maybe(value: Option<f64>, decimals: usize) -> Self {
        value.map_or(Self::Empty, |v| Self::Number(v, decimals))
    }

    /// A share when there is one, else an empty cell.
    pub fn maybe_percent(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Percent)
    }

    /// The cell as CSV text.
    fn as_csv(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Int(n) => n.to_string(),
            Self::Number(v, d) => format!("{v:.d$}"),
            Self::Percent(v) => format!("{:.1}%", v * 100.0),
            Self::Empty => String::new(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

/// A named table: a header row and data rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: impl Into<String>, headers: Vec<String>) -> Self {
        Self {
            name: name.into(),
            headers,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

/// The table as CSV bytes, with a UTF-8 byte-order mark.
pub fn csv_bytes(table: &Table) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        writer.write_record(&table.headers)?;
        for row in &table.rows {
            writer.write_record(row.iter().map(Cell::as_csv))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

/// Several tables as one CSV file: each table's name on a line, its rows, an
/// empty line between tables.
pub fn csv_sections(tables: &[Table]) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        for (n, table) in tables.iter().enumerate() {
            if n > 0 {
                writer.write_record([""])?;
            }
            writer.write_record([&table.name])?;
            writer.write_record(&table.headers)?;
            for row in &table.rows {
                writer.write_record(row.iter().map(Cell::as_csv))?;
            }
        }
        writer.flush()?;
    }
    Ok(out)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// not empty, and different from the names before it.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    let base = if clean.is_empty() {
        "Sheet".to_owned()
    } else {
        clean
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = 31 - suffix.chars().count();
        let candidate: String = base.chars().take(keep).chain(suffix.chars()).collect();
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            return candidate;
        }
        n += 1;
    }
}

/// The tables as an XLSX workbook, a sheet per table, headers bold and frozen.
pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let mut taken = Vec::new();
    for table in tables {
        let name = sheet_name(&table.name, &taken);
        taken.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        for (c, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), header, &bold)?;
            let width = header.chars().count().max(8) as f64 * 1.6;
            sheet.set_column_width(col(c), width.min(60.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(r, col(c), s)?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, col(c), *n as f64)?;
                    }
                    Cell::Number(v, d) => {
                        let format = Format::new().set_num_format(match d {
                            0 => "0".to_owned(),
                            d => format!("0.{}", "0".repeat(*d)),
                        });
                        sheet.write_number_with_format(r, col(c), *v, &format)?;
                    }
                    Cell::Percent(v) => {
                        sheet.write_number_with_format(r, col(c), *v, &percent)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    workbook.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;

    fn sample() -> Table {
        let mut t = Table::new("分類 by category", vec!["類別".into(), "件數".into()]);
        t.push(vec!["水喉 plumbing".into(), Cell::Int(42)]);
        t.push(vec!["電梯, \"lift\"".into(), Cell::Percent(0.25)]);
        t
    }

    #[test]
    fn csv_has_a_bom_and_quotes_what_needs_quoting() {
        let bytes = csv_bytes(&sample()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "類別,件數\n水喉 plumbing,42\n\"電梯, \"\"lift\"\"\",25.0%\n"
        );
    }

    #[test]
    fn a_workbook_reads_back_with_its_sheets_and_values() {
        let mut second = sample();
        second.name = "分類 by category".into(); // same name: must be told apart
        let bytes = xlsx_bytes(&[sample(), second, Table::new("a/b:c*d?[e]", vec![])]).unwrap();
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            vec!["分類 by category", "分類 by category (2)", "a_b_c_d__e_"]
        );
        let range = book.worksheet_range("分類 by category").unwrap();
        assert_eq!(range.get_value((0, 0)), Some(&Data::String("類別".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(42.0)));
        assert_eq!(range.get_value((2, 1)), Some(&Data::Float(0.25)));
    }

    #[test]
    fn long_sheet_names_are_cut_to_31_characters() {
        let long = "x".repeat(40);
        let first = sheet_name(&long, &[]);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(&long, std::slice::from_ref(&first));
        assert_eq!(second.chars().count(), 31);
        assert_ne!(first, second);
        assert_eq!(sheet_name("  ", &[]), "Sheet");
    }
}
