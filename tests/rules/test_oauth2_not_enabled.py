RULE = "oauth2-not-enabled"
OFF = "scopes: [invoice]\noauth2: false\n"


def test_java_and_html_links_when_oauth2_is_off(project):
    files = {"fortnox.yaml": OFF,
             "Connect.java": 'class C { static final String AUTH = "https://apps.fortnox.se/oauth-v1/auth"; }\n',
             "connect.html": '<p>\n  <a href="https://apps.fortnox.se/oauth-v1/auth?client_id=x">Connect</a>\n'}
    assert project(files, RULE) == [(RULE, "Connect.java", 1, 38), (RULE, "connect.html", 2, 12)]


def test_token_urls_are_not_reported(project):
    files = {"fortnox.yaml": OFF, "t.py": 'requests.post("https://apps.fortnox.se/oauth-v1/token", data=body)\n'}
    assert project(files, RULE) == []


def test_silent_when_oauth2_is_on_or_unset(project):
    link = {"c.go": 'const auth = "https://apps.fortnox.se/oauth-v1/auth"\n'}
    assert project(dict(link, **{"fortnox.yaml": "scopes: [invoice]\noauth2: true\n"}), RULE) == []
    assert project(dict(link, **{"fortnox.yaml": "scopes: [invoice]\n"}), RULE) == []
