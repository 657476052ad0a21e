"""Single-file components (.vue, .svelte): the <script> blocks are lexed as JavaScript or
TypeScript, the markup is read as other unlexed files are, and positions are the file's own."""

from __future__ import annotations

from linter.scanner.extract import _blanked, _script_blocks, scan_text


def test_a_base_constant_in_a_typescript_block_reaches_the_call(uses):
    files = {"web/Invoices.vue": '''\
        <template>
          <ul><li v-for="i in invoices">{{ i.DocumentNumber }}</li></ul>
        </template>
        <script setup lang="ts">
        const BASE = "https://api.fortnox.se/3";
        const invoices = await fetch(`${BASE}/invoices`).then(r => r.json());
        </script>
        '''}
    assert uses(files) == [("web/Invoices.vue", 6, 30, "GET", "/3/invoices", "interpolation", "high")]


def test_svelte_script_and_markup_are_both_read(uses):
    files = {"src/Orders.svelte": '''\
        <script>
          import { api } from "./api";
          const client = axios.create({ baseURL: "https://api.fortnox.se/3" });
          export const load = () => client.get("/orders");
        </script>
        <p>See <a href="https://api.fortnox.se/3/articles">the articles</a></p>
        '''}
    assert uses(files) == [
        ("src/Orders.svelte", 4, 40, "GET", "/3/orders", "client-base", "high"),
        ("src/Orders.svelte", 6, 17, None, "/3/articles", "url", "high"),
    ]


def test_a_component_without_a_script_and_an_unclosed_script(uses):
    files = {"a.vue": '<template><a href="https://api.fortnox.se/3/offers">x</a></template>\n',
             "b.vue": '<template>x</template>\n<script>\nfetch("https://api.fortnox.se/3/units");\n'}
    assert uses(files) == [
        ("a.vue", 1, 20, None, "/3/offers", "url", "high"),
        ("b.vue", 3, 7, "GET", "/3/units", "url", "high"),
    ]


def test_blanking_keeps_every_line_and_column():
    text = "<template>\r\n  <b>é</b>\n</template>\n<script lang=\"ts\">\nconst a = 1;\n</script>\n<style></style>"
    blocks, typescript = _script_blocks(text)
    assert typescript and [text[s:e] for s, e in blocks] == ["\nconst a = 1;\n"]
    code, markup = _blanked(text, blocks, keep=True), _blanked(text, blocks, keep=False)
    assert len(code) == len(markup) == len(text)
    assert code.strip() == "const a = 1;" and "const" not in markup
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(code) if c in "\r\n"] \
        == [i for i, c in enumerate(markup) if c in "\r\n"]


def test_an_activation_link_in_a_template_literal_is_read_as_code(catalog):
    # Read as plain text, `${scopes.join('%20')}` was a scope and the query ended at its quote;
    # read as code, it is a run-time value and the query goes on to state and response_type.
    text = ("<script setup>\nconst scopes = ['invoice', 'customer']\n"
            "const url = `https://apps.fortnox.se/oauth-v1/auth?client_id=${id}&scope=${scopes.join('%20')}"
            "&state=${state}&response_type=code`\n</script>\n")
    [request] = [f for f in scan_text(text, "Connect.vue", None, catalog).facts if f.kind == "auth-request"]
    assert [(p["name"], p["value"]) for p in request.data["params"]] == [
        ("client_id", "{}"), ("response_type", "code"), ("scope", "{}"), ("state", "{}")]
    assert request.data["complete"] is True
