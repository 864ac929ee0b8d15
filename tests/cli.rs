//! The real binary: settings errors, signals, the register import, invites and
//! the sandbox driven through a pipe.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use residesk::emulator::Emulator;

fn residesk(dir: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_residesk"));
    command
        .current_dir(dir.path())
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env("RUST_LOG", "warn")
        .env("RESIDESK_DATABASE", dir.path().join("cli.db"));
    command
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let out = residesk(&dir)
        .env("RESIDESK_SCHEDULER__TICK", "soon")
        .arg("run")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("scheduler.tick"), "{err}");

    std::fs::write(
        dir.path().join("residesk.toml"),
        "[sending]\nglobal_per_second = 0\n",
    )
    .unwrap();
    let out = residesk(&dir).arg("run").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sending.global_per_second"));
}

#[test]
fn running_without_a_token_says_which_setting_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = residesk(&dir).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("TELOXIDE_TOKEN"));
}

#[tokio::test]
async fn sigterm_stops_the_bot_gracefully() {
    let emu = Emulator::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut bot = residesk(&dir)
        .env("TELOXIDE_TOKEN", emu.token())
        .env("TELOXIDE_API_URL", emu.api_url().as_str())
        .arg("run")
        .spawn()
        .unwrap();
    emu.wait_for_requests("getUpdates", 1, Duration::from_secs(20))
        .await;
    let pid = bot.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = bot.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still running 20 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
}

#[test]
fn importing_the_register_reports_bad_rows_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.csv");
    std::fs::write(&file, "building,flat,name,phone\n3,1502,Amy,+852 9123 4567\n3,,Nobody,91234567\n5,802,王芳,not a phone\n").unwrap();
    let out = residesk(&dir)
        .args(["units", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 rows read: 1 residents added"), "{text}");
    assert!(text.contains("line 3") && text.contains("line 4"), "{text}");
    let again = residesk(&dir)
        .args(["units", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 residents added, 1 already registered")
    );
}

#[test]
fn an_invite_prints_a_code_and_its_link() {
    let dir = tempfile::tempdir().unwrap();
    let out = residesk(&dir)
        .env("RESIDESK_TELEGRAM__BOT_USERNAME", "estate_bot")
        .args(["invite", "staff", "--dept", "engineering"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let code = text
        .lines()
        .find_map(|l| l.strip_prefix("code: "))
        .expect("a code line")
        .trim()
        .to_owned();
    assert!(
        text.contains(&format!("https://t.me/estate_bot?start={code}")),
        "{text}"
    );

    let out = residesk(&dir)
        .args(["invite", "staff", "--dept", "plumbers"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("engineering"));
}

#[test]
fn the_sandbox_plays_a_piped_script() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = residesk(&dir)
        .arg("sandbox")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    sandbox
        .stdin
        .take()
        .unwrap()
        .write_all(b"/start\n/contact\n/as supervisor\n/help\n/quit\n")
        .unwrap();
    let out = sandbox.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3-1502"), "{text}");
    assert!(text.contains("/reassign"), "{text}");
}
