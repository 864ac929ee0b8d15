//! Renders text sent with a `parse_mode` the way Telegram does: markup removed,
//! and malformed markup refused with "Bad Request: can't parse entities: …",
//! so a bot that forgets to escape user text fails here as it would in production.

/// Telegram's description prefix for markup errors (teloxide: `ApiError::CantParseEntities`).
const PREFIX: &str = "Bad Request: can't parse entities: ";

/// HTML tags Telegram accepts.
const HTML_TAGS: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
];

/// Characters MarkdownV2 reserves; outside markup they must be escaped with `\`.
const MD2_RESERVED: &str = "_*[]()~`>#+-=|{}.!";

/// Returns the plain text Telegram shows for `text` sent with `parse_mode`,
/// or the error description Telegram answers for malformed markup.
pub fn render(text: &str, parse_mode: Option<&str>) -> Result<String, String> {
    match parse_mode {
        Some("HTML") => render_html(text),
        Some("MarkdownV2") => render_markdown_v2(text),
        Some("Markdown") => Ok(text.replace(['*', '_', '`'], "")),
        Some(other) => Err(format!("Bad Request: unsupported parse_mode \"{other}\"")),
        None => Ok(text.to_owned()),
    }
}

fn render_html(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut open: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        let offset = text.len() - rest.len() + pos;
        let tail = &rest[pos..];
        if tail.starts_with('&') {
            let (decoded, used) = decode_entity(tail);
            out.push_str(&decoded);
            rest = &tail[used..];
            continue;
        }
        let Some(end) = tail.find('>') else {
            return Err(format!(
                "{PREFIX}Can't find end of the tag starting at byte offset {offset}"
            ));
        };
        let inner = &tail[1..end];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if closing {
            match open.pop() {
                Some(top) if top == name => {}
                _ => {
                    return Err(format!(
                        "{PREFIX}Unmatched end tag at byte offset {offset}, expected \"</{}>\", found \"</{name}>\"",
                        open.last().map(String::as_str).unwrap_or_default()
                    ));
                }
            }
        } else {
            if !HTML_TAGS.contains(&name.as_str()) {
                return Err(format!(
                    "{PREFIX}Unsupported start tag \"{name}\" at byte offset {offset}"
                ));
            }
            open.push(name);
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    match open.last() {
        Some(tag) => Err(format!(
            "{PREFIX}Can't find end tag corresponding to start tag \"{tag}\""
        )),
        None => Ok(out),
    }
}

/// Decodes an HTML entity at the start of `s`; a lone `&` stays as it is.
fn decode_entity(s: &str) -> (String, usize) {
    let Some(semi) = s.find(';').filter(|&i| i <= 10) else {
        return ("&".to_owned(), 1);
    };
    let name = &s[1..semi];
    let decoded = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => name
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), semi + 1),
        None => ("&".to_owned(), 1),
    }
}

fn render_markdown_v2(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    // In a link's `(url)` part everything up to `)` is the URL, not shown.
    let mut in_url = false;
    while let Some((offset, c)) = chars.next() {
        if in_url {
            if c == '\\' {
                chars.next();
            } else if c == ')' {
                in_url = false;
            }
            continue;
        }
        match c {
            '\\' => match chars.next() {
                Some((_, escaped)) => out.push(escaped),
                None => out.push('\\'),
            },
            '*' | '_' | '~' | '`' | '[' => {}
            '|' if chars.peek().map(|(_, n)| *n) == Some('|') => {
                chars.next();
            }
            ']' if chars.peek().map(|(_, n)| *n) == Some('(') => {
                chars.next();
                in_url = true;
            }
            ']' => {}
            c if MD2_RESERVED.contains(c) => {
                return Err(format!(
                    "{PREFIX}Character '{c}' is reserved and must be escaped with the preceding '\\' (byte offset {offset})"
                ));
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tags_are_removed_and_entities_decoded() {
        let shown = render(
            "<b>Unit 15B</b> &lt;urgent&gt; &amp; <a href=\"x\">link</a>",
            Some("HTML"),
        );
        assert_eq!(shown.unwrap(), "Unit 15B <urgent> & link");
    }

    #[test]
    fn an_unescaped_less_than_in_html_is_refused() {
        let err = render("price < 5 and <b>x</b>", Some("HTML")).unwrap_err();
        assert!(
            err.starts_with("Bad Request: can't parse entities"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_html_tag_is_refused() {
        let err = render("<div>x</div>", Some("HTML")).unwrap_err();
        assert!(err.contains("Unsupported start tag \"div\""), "{err}");
    }

    #[test]
    fn an_unclosed_html_tag_is_refused() {
        assert!(render("<b>bold", Some("HTML")).is_err());
        assert!(render("<b>bold</i>", Some("HTML")).is_err());
    }

    #[test]
    fn markdown_v2_formatting_and_escapes_are_removed() {
        let shown = render(
            "*Ticket* \\#12 \\- [open](https://x.y/a\\)b) done\\.",
            Some("MarkdownV2"),
        );
        assert_eq!(shown.unwrap(), "Ticket #12 - open done.");
    }

    #[test]
    fn an_unescaped_dot_in_markdown_v2_is_refused() {
        let err = render("Thanks.", Some("MarkdownV2")).unwrap_err();
        assert!(err.contains("Character '.' is reserved"), "{err}");
    }

    #[test]
    fn text_without_parse_mode_is_shown_as_is() {
        assert_eq!(render("<b>1.</b>", None).unwrap(), "<b>1.</b>");
    }
}
