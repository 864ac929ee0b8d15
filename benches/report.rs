//! The monthly report over 1,000,000 tickets (goal: under 2 s). The tickets
//! are spread over 36 months (about 27,800 a month) across 2,000 units, with
//! a callback for each resolved one; the report reads one month and the one
//! before it through the `tickets_created` and `callbacks_resolved` indexes,
//! and the month's hot spots (a tenth of the tickets are in one).
//!
//! The set-up writes the rows with SQL directly: a million tickets through
//! the desk would take far longer than the measurement.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use residesk::config::Settings;
use residesk::domain::report::Month;
use residesk::store::Db;

const TICKETS: i64 = 1_000_000;

async fn seed(db: &Db) {
    let pool = db.pool();
    let statements = [
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO units (building, flat) SELECT (i % 20) + 1, i FROM n",
        "INSERT INTO users (id, chat_id, first_name, role, department, created_at, updated_at)
         VALUES (1, 1, 'Chan', 'staff', 'engineering', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00'),
                (2, 2, 'Ho', 'staff', 'security', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00'),
                (3, 3, 'Wong', 'staff', 'cleaning', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')",
        // One ticket every ~95 s from 2024-01-01: 36 months.
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
         INSERT INTO tickets (number, kind, category, urgency, unit_id, source, description, status,
                              department, assignee_id, respond_by, resolve_by, created_at, updated_at,
                              responded_at, resolved_at, reopen_count, validity, validity_confirmed)
         SELECT 'T-' || i,
                CASE i % 5 WHEN 0 THEN 'complaint' ELSE 'repair' END,
                CASE i % 6 WHEN 0 THEN 'plumbing' WHEN 1 THEN 'lift' WHEN 2 THEN 'noise'
                           WHEN 3 THEN 'cleaning' WHEN 4 THEN 'electrical' ELSE 'pests' END,
                CASE i % 10 WHEN 0 THEN 'high' WHEN 1 THEN 'low' ELSE 'normal' END,
                (i % 2000) + 1,
                CASE i % 7 WHEN 0 THEN 'phone' WHEN 1 THEN 'visit' ELSE 'telegram' END,
                'synthetic',
                CASE WHEN i % 9 = 0 THEN 'assigned' ELSE 'closed' END,
                CASE i % 3 WHEN 0 THEN 'engineering' WHEN 1 THEN 'security' ELSE 'cleaning' END,
                (i % 3) + 1,
                strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95 + 14400, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95 + 259200, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95 + (i % 400) * 60, 'unixepoch'),
                CASE WHEN i % 9 = 0 THEN NULL
                     ELSE strftime('%Y-%m-%dT%H:%M:%S+00:00', 1704067200 + i * 95 + (i % 5000) * 60, 'unixepoch') END,
                CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END,
                CASE WHEN i % 5 = 0 THEN CASE i % 3 WHEN 0 THEN 'valid' WHEN 1 THEN 'partly' ELSE 'not_valid' END END,
                1
         FROM n",
        "INSERT INTO callbacks (ticket_id, resolved_at, status, answered_at, channel, rating, satisfied)
         SELECT id, resolved_at,
                CASE WHEN id % 4 = 0 THEN 'asked' ELSE 'answered' END,
                CASE WHEN id % 4 = 0 THEN NULL ELSE resolved_at END,
                CASE WHEN id % 4 = 0 THEN NULL ELSE 'telegram' END,
                CASE WHEN id % 4 = 0 THEN NULL ELSE (id % 5) + 1 END,
                CASE WHEN id % 4 = 0 THEN NULL ELSE (id % 5) + 1 >= 3 END
         FROM tickets WHERE resolved_at IS NOT NULL",
        // Hot spots as the desk keeps them: a tenth of the tickets, one hot
        // spot per category, block and week (about 11,000, 3 a day), closed
        // unless one of its tickets is still open.
        "INSERT INTO hot_spots (category, place, first_at, last_at, alerted_at, closed_at)
         SELECT t.category, CAST(u.building AS TEXT), MIN(t.created_at), MAX(t.created_at),
                MIN(t.created_at),
                CASE WHEN MAX(t.status = 'assigned') = 1 THEN NULL ELSE MAX(t.created_at) END
         FROM tickets t JOIN units u ON u.id = t.unit_id
         WHERE t.id % 10 = 0
         GROUP BY t.category, u.building, strftime('%Y-%W', t.created_at)",
        "INSERT INTO hot_spot_tickets (hot_spot_id, ticket_id)
         SELECT h.id, t.id FROM tickets t JOIN units u ON u.id = t.unit_id
         JOIN hot_spots h ON h.category = t.category AND h.place = CAST(u.building AS TEXT)
              AND t.created_at BETWEEN h.first_at AND h.last_at
         WHERE t.id % 10 = 0",
    ];
    for sql in statements {
        sqlx::query(sql).execute(pool).await.expect("seed");
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
        .fetch_one(pool)
        .await
        .expect("count");
    assert_eq!(count, TICKETS);
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let settings = Settings {
        database: dir.path().join("bench.db"),
        ..Settings::default()
    };
    let db = rt.block_on(async {
        let db = Db::open(&settings.database).await.expect("db");
        seed(&db).await;
        db
    });
    let settings = Arc::new(settings);
    let month = Month::parse("2025-06").expect("month");
    let as_of = chrono::Utc::now();
    let made = rt
        .block_on(residesk::report::make(&db, &settings, month, as_of))
        .expect("report");
    println!(
        "2025-06: {} tickets, {} callbacks, {} hot spots",
        made.report.tickets.total,
        made.report.callbacks.all.due,
        made.report.hot_spots.len()
    );
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("monthly report over 1,000,000 tickets", |b| {
        b.iter(|| {
            rt.block_on(residesk::report::make(&db, &settings, month, as_of))
                .expect("report")
        })
    });
    group.bench_function("workbook of the month", |b| {
        b.iter(|| {
            let tables = residesk::report::tables::tables(
                &made,
                residesk::domain::lang::Lang::En,
                settings.timezone,
            );
            residesk::sheet::xlsx_bytes(&tables).expect("xlsx")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
