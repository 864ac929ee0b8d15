//! A local Telegram Bot API server for tests and the sandbox. (Filled in by issue 2.)
