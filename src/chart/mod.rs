//! Charts as PNG pictures: horizontal bars (counts by category, department,
//! rating) and lines (a trend over weeks or months), with Chinese and English
//! labels drawn in the bundled font (`assets/fonts/wqy-microhei.ttc`, WenQuanYi
//! Micro Hei, Apache-2.0), so they read the same on every machine.
//!
//! The module is pure: data in, PNG bytes out. Callers pass labels already in
//! the reader's language.

mod draw;

use std::sync::OnceLock;

pub use draw::{bar_png, line_png};

/// The bundled font: WenQuanYi Micro Hei covers CJK (Traditional and
/// Simplified) and Latin in one face.
static FONT: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei.ttc");

/// The family name charts draw with.
const FAMILY: &str = "residesk-sans";

/// A chart that could not be drawn (a bug or a font that would not load).
#[derive(Debug, thiserror::Error)]
#[error("chart: {0}")]
pub struct ChartError(pub String);

impl From<ChartError> for crate::error::Error {
    fn from(e: ChartError) -> Self {
        Self::Other(e.to_string())
    }
}

/// One named series of values, one per label.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

impl Series {
    pub fn new(name: impl Into<String>, values: Vec<f64>) -> Self {
        Self {
            name: name.into(),
            values,
        }
    }
}

/// Horizontal bars: one group per label (top to bottom), one bar per series
/// in each group. With more than one series a legend names them.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// Decimals shown at the end of each bar (0 for counts).
    pub decimals: usize,
}

/// Lines over labelled points (left to right), one line per series.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// Decimals shown above each point (0 for counts).
    pub decimals: usize,
}

/// Registers the bundled font once.
fn font_ready() -> Result<(), ChartError> {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONT)
                .map_err(|_| "the bundled font does not load".to_owned())
        })
        .clone()
        .map_err(ChartError)
}

/// Formats a value with `decimals` places.
fn format_value(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// Encodes an RGB buffer as PNG.
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ChartError(e.to_string()))?;
        writer
            .write_image_data(rgb)
            .map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_png(bytes: &[u8]) -> bool {
        bytes.starts_with(b"\x89PNG\r\n\x1a\n")
    }

    fn size_of(bytes: &[u8]) -> (u32, u32) {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().expect("a readable png");
        let info = reader.info();
        (info.width, info.height)
    }

    fn categories() -> BarChart {
        BarChart {
            title: "投訴及報修分類 Tickets by category · 2026-11".into(),
            labels: vec![
                "水喉 plumbing".into(),
                "电梯 lift".into(),
                "清潔 cleaning".into(),
                "噪音 noise".into(),
            ],
            series: vec![
                Series::new("本月 this month", vec![42.0, 17.0, 9.0, 0.0]),
                Series::new("上月 last month", vec![30.0, 21.0, 12.0, 3.0]),
            ],
            decimals: 0,
        }
    }

    #[test]
    fn a_bar_chart_is_a_png_whose_height_grows_with_its_labels() {
        let small = bar_png(&categories()).expect("drawn");
        assert!(is_png(&small));
        let mut more = categories();
        for n in 0..10 {
            more.labels.push(format!("類別 {n}"));
            for s in &mut more.series {
                s.values.push(f64::from(n));
            }
        }
        let big = bar_png(&more).expect("drawn");
        let (w1, h1) = size_of(&small);
        let (w2, h2) = size_of(&big);
        assert_eq!(w1, w2);
        assert!(h2 > h1, "{h2} > {h1}");
    }

    #[test]
    fn a_line_chart_is_a_png() {
        let chart = LineChart {
            title: "每週工單 Weekly tickets".into(),
            labels: vec!["11/02".into(), "11/09".into(), "11/16".into()],
            series: vec![Series::new("工單 tickets", vec![5.0, 12.0, 7.0])],
            decimals: 0,
        };
        let png = line_png(&chart).expect("drawn");
        assert!(is_png(&png));
        assert_eq!(size_of(&png), (1000, 600));
    }

    #[test]
    fn empty_and_zero_charts_still_draw() {
        let empty = BarChart {
            title: "空 empty".into(),
            labels: vec![],
            series: vec![],
            decimals: 0,
        };
        assert!(is_png(&bar_png(&empty).expect("drawn")));
        let zeros = LineChart {
            title: "零 zeros".into(),
            labels: vec!["a".into()],
            series: vec![Series::new("s", vec![0.0])],
            decimals: 1,
        };
        assert!(is_png(&line_png(&zeros).expect("drawn")));
    }

    #[test]
    fn a_series_shorter_than_its_labels_is_drawn_as_far_as_it_goes() {
        let mut chart = categories();
        chart.series[1].values.truncate(1);
        assert!(is_png(&bar_png(&chart).expect("drawn")));
    }

    /// Writes the sample charts to `target/chart-samples/` for a person to look at.
    #[test]
    fn samples_are_written_for_a_person_to_look_at() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/chart-samples");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("bars.png"), bar_png(&categories()).expect("drawn")).expect("w");
        let trend = LineChart {
            title: "每週趋势 Weekly trend".into(),
            labels: (1..=5).map(|w| format!("第{w}週 W{w}")).collect(),
            series: vec![
                Series::new("新工單 new", vec![10.0, 14.0, 9.0, 20.0, 4.0]),
                Series::new("已完成 closed", vec![8.0, 12.0, 11.0, 15.0, 6.0]),
            ],
            decimals: 0,
        };
        std::fs::write(dir.join("line.png"), line_png(&trend).expect("drawn")).expect("w");
    }

    #[test]
    fn values_are_formatted_with_the_asked_decimals() {
        assert_eq!(format_value(4.256, 1), "4.3");
        assert_eq!(format_value(12.0, 0), "12");
    }
}
