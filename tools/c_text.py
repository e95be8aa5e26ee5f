"""C source text helpers shared by the report tools (stack_report.py, rule_ids.py)."""


def strip_comments(text):
    """@p text with its comments blanked: every character of a comment becomes a space
    and its newlines stay, so line numbers and columns still point at the same code.
    String and character literals are kept as they are (a "//" or "/*" inside one is
    not a comment)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(''.join(ch if ch == '\n' else ' ' for ch in text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)
