//! The drawing itself, with plotters on an RGB buffer. Category and point
//! labels are drawn by hand at the pixel the chart maps them to, so every
//! label sits exactly by its bar or point whatever its script.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{BarChart, ChartError, FAMILY, LineChart, encode_png, font_ready, format_value};

const WIDTH: u32 = 1000;
const LINE_HEIGHT: u32 = 600;
const PALETTE: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
];
const LABEL_SIZE: u32 = 18;

fn err(e: impl std::fmt::Display) -> ChartError {
    ChartError(e.to_string())
}

fn color(n: usize) -> RGBColor {
    PALETTE[n % PALETTE.len()]
}

/// About how wide a label is drawn, in pixels: CJK characters take a full
/// em, Latin ones a little over half.
fn text_width(text: &str, size: u32) -> u32 {
    let ems: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum();
    (ems * f64::from(size)).ceil() as u32
}

fn label_style(size: u32, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FAMILY, size).into_font())
        .color(&BLACK)
        .pos(Pos::new(h, v))
}

/// Draws on a white canvas of `width × height` and returns the PNG.
fn render(
    width: u32,
    height: u32,
    paint: impl FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    font_ready()?;
    let mut rgb = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        paint(&root)?;
        root.present().map_err(err)?;
    }
    encode_png(&rgb, width, height)
}

/// Where a value axis ends: a little past the largest value, and for counts
/// at least 5, so the ticks are whole numbers.
fn axis_end(max: f64, room: f64, decimals: usize) -> f64 {
    let end = if max > 0.0 { max * room } else { 1.0 };
    if decimals == 0 { end.max(5.0) } else { end }
}

/// How many ticks a value axis gets: for counts, never more than whole numbers.
fn ticks(end: f64, decimals: usize) -> usize {
    if decimals == 0 {
        (end.floor() as usize + 1).min(11)
    } else {
        11
    }
}

fn largest(series: &[super::Series]) -> f64 {
    series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// Horizontal grouped bars, first label at the top, the value at each bar's end.
pub fn bar_png(chart: &BarChart) -> Result<Vec<u8>, ChartError> {
    let groups = chart.labels.len().max(1);
    let per_series = 26;
    let group_height = (per_series * chart.series.len().max(1) + 16) as u32;
    let legend = if chart.series.len() > 1 { 40 } else { 0 };
    let height = (120 + legend + group_height * groups as u32).max(260);
    let label_area = chart
        .labels
        .iter()
        .map(|l| text_width(l, LABEL_SIZE))
        .max()
        .unwrap_or(0)
        .clamp(60, 420)
        + 16;
    let max = largest(&chart.series);
    let x_max = axis_end(max, 1.18, chart.decimals);
    render(WIDTH, height, |root| {
        let mut ctx = ChartBuilder::on(root)
            .caption(&chart.title, (FAMILY, 28))
            .margin(16)
            .x_label_area_size(36)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..x_max, 0f64..groups as f64)
            .map_err(err)?;
        ctx.configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .x_labels(ticks(x_max, chart.decimals))
            .y_labels(0)
            .x_label_style((FAMILY, 16))
            .x_label_formatter(&|v| format_value(*v, chart.decimals))
            .draw()
            .map_err(err)?;
        let bands = chart.series.len().max(1) as f64;
        let band = 0.8 / bands;
        for (s, series) in chart.series.iter().enumerate() {
            let fill = color(s).filled();
            let bars = series
                .values
                .iter()
                .take(chart.labels.len())
                .enumerate()
                .map(|(i, v)| {
                    let top = (groups - i) as f64 - 0.1 - band * s as f64;
                    Rectangle::new([(0.0, top - band), (v.max(0.0), top)], fill)
                });
            let drawn = ctx.draw_series(bars).map_err(err)?;
            if chart.series.len() > 1 {
                let c = color(s);
                drawn.label(series.name.clone()).legend(move |(x, y)| {
                    Rectangle::new([(x, y - 7), (x + 16, y + 7)], c.filled())
                });
            }
            let values = series
                .values
                .iter()
                .take(chart.labels.len())
                .enumerate()
                .map(|(i, v)| {
                    let mid = (groups - i) as f64 - 0.1 - band * (s as f64 + 0.5);
                    EmptyElement::at((v.max(0.0), mid))
                        + Text::new(
                            format_value(*v, chart.decimals),
                            (6, 0),
                            label_style(16, HPos::Left, VPos::Center),
                        )
                });
            ctx.draw_series(values).map_err(err)?;
        }
        if chart.series.len() > 1 {
            ctx.configure_series_labels()
                .label_font((FAMILY, 16))
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK)
                .position(SeriesLabelPosition::LowerRight)
                .draw()
                .map_err(err)?;
        }
        for (i, label) in chart.labels.iter().enumerate() {
            let (x, y) = ctx.backend_coord(&(0.0, (groups - i) as f64 - 0.5));
            root.draw(&Text::new(
                label.clone(),
                (x - 10, y),
                label_style(LABEL_SIZE, HPos::Right, VPos::Center),
            ))
            .map_err(err)?;
        }
        Ok(())
    })
}

/// Lines over labelled points, left to right, the value above each point.
pub fn line_png(chart: &LineChart) -> Result<Vec<u8>, ChartError> {
    let points = chart.labels.len().max(1);
    let max = largest(&chart.series);
    let y_max = axis_end(max, 1.25, chart.decimals);
    render(WIDTH, LINE_HEIGHT, |root| {
        let mut ctx = ChartBuilder::on(root)
            .caption(&chart.title, (FAMILY, 28))
            .margin(20)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5f64..points as f64 - 0.5, 0f64..y_max)
            .map_err(err)?;
        ctx.configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .y_labels(ticks(y_max, chart.decimals))
            .x_labels(0)
            .y_label_style((FAMILY, 16))
            .y_label_formatter(&|v| format_value(*v, chart.decimals))
            .draw()
            .map_err(err)?;
        for (s, series) in chart.series.iter().enumerate() {
            let c = color(s);
            let line: Vec<(f64, f64)> = series
                .values
                .iter()
                .take(chart.labels.len())
                .enumerate()
                .map(|(i, v)| (i as f64, v.max(0.0)))
                .collect();
            ctx.draw_series(LineSeries::new(line.clone(), c.stroke_width(3)))
                .map_err(err)?
                .label(series.name.clone())
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], c.stroke_width(3)));
            ctx.draw_series(line.iter().map(|&(x, y)| {
                EmptyElement::at((x, y))
                    + Circle::new((0, 0), 5, c.filled())
                    + Text::new(
                        format_value(y, chart.decimals),
                        (0, -10),
                        label_style(16, HPos::Center, VPos::Bottom),
                    )
            }))
            .map_err(err)?;
        }
        if !chart.series.is_empty() {
            ctx.configure_series_labels()
                .label_font((FAMILY, 16))
                .background_style(WHITE.mix(0.9))
                .border_style(BLACK)
                .position(SeriesLabelPosition::UpperLeft)
                .draw()
                .map_err(err)?;
        }
        for (i, label) in chart.labels.iter().enumerate() {
            let (x, y) = ctx.backend_coord(&(i as f64, 0.0));
            root.draw(&Text::new(
                label.clone(),
                (x, y + 10),
                label_style(LABEL_SIZE, HPos::Center, VPos::Top),
            ))
            .map_err(err)?;
        }
        Ok(())
    })
}
