"""The lexer: strings with their interpolations, comments dropped, per language."""

from linter.scanner.lexer import LANGUAGES, tokenize


def strings(language: str, source: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(t.value, t.parts) for t in tokenize(source, LANGUAGES[language]) if t.kind == "str"]


def test_python_f_string_keeps_interpolated_names():
    assert strings("python", 'u = f"{BASE}/invoices/{inv.id!r}"  # "/3/orders"\n') == [
        ("{}/invoices/{}", ("BASE", "inv.id!r"))]


def test_javascript_template_literal_and_comments():
    source = "// fetch('/3/a')\nfetch(`${api}/orders/${o.id}`, { method: 'PUT' }) /* '/3/b' */\n"
    assert strings("javascript", source) == [("{}/orders/{}", ("api", "o.id")), ("PUT", ())]


def test_php_dollar_and_brace_interpolation():
    assert strings("php", '<?php $u = "$base/invoices/{$this->id}";') == [
        ("{}/invoices/{}", ("$base", "$this->id"))]


def test_php_heredoc_and_nowdoc():
    source = "<?php\n$a = <<<EOT\n  {$base}/customers\n  EOT;\n$b = <<<'EOT'\n$x/orders\nEOT;\n"
    assert strings("php", source) == [("  {}/customers", ("$base",)), ("$x/orders", ())]


def test_ruby_heredoc_body_is_one_string_and_code_after_it_continues():
    source = 'post(<<~JSON, h)\n  {"u": "#{B}/invoices"}\nJSON\nget "/after"\n'
    assert strings("ruby", source) == [('  {"u": "{}/invoices"}\n', ("B",)), ("/after", ())]


def test_ruby_percent_literals_but_not_modulo():
    assert strings("ruby", "a = %Q(#{X}/orders)\nb = 10 % (3)\nc = %w[a b]\n") == [
        ("{}/orders", ("X",)), ("a b", ())]


def test_elixir_sigils_and_attributes():
    source = 'a = ~s(#{@base}/invoices)\nr = ~r/inv/i\nb = "#{@base_url}/orders"\n'
    assert strings("elixir", source) == [("{}/invoices", ("@base",)), ("{}/orders", ("@base_url",))]


def test_kotlin_templates_and_raw_strings():
    assert strings("kotlin", 'val a = "$base/invoices/${inv.id}"\nval b = """c:\\x"""\n') == [
        ("{}/invoices/{}", ("base", "inv.id")), ("c:\\x", ())]


def test_csharp_interpolated_and_verbatim():
    assert strings("csharp", 'var a = $"{Base}/{Resource}"; var b = @"c:\\""q"""; ') == [
        ("{}/{}", ("Base", "Resource")), ('c:\\"q"', ())]


def test_go_raw_strings_have_no_escapes():
    assert strings("go", 'a := `x\\n`\nb := "y\\n"\n') == [("x\\n", ()), ("y\n", ())]


def test_unterminated_constructs_do_not_raise():
    for language in LANGUAGES:
        for source in ('"abc', "`${", "<<~EOS\nno end", "<<<EOT\nx", "%Q(", "~s(", "f'{", '$"{', "/* x"):
            tokenize(source, LANGUAGES[language])
