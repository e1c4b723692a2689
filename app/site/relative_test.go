//go:build !wasm

package site

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// goappPage is an index.html as go-app writes it, in short: attributes in any order,
// rooted URLs, empty Open Graph tags, the policy among the raw headers at the end.
const goappPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta name="description" content="A lab">
    <meta property="og:url" content="https://">
    <meta content="https://" property="og:image">
    <meta property="og:title" content="Lab">
    <link rel="icon" href="/web/icon.svg">
    <link href="//cdn.example/x.css" rel="stylesheet">
    <script src="/wasm_exec.js" defer></script>
    <script defer src="/app.js"></script>
    <meta http-equiv="Content-Security-Policy" content="POLICY">
  </head>
  <body>
    <a href="/" class="home">Home</a>
    <img src="/web/icon.svg" alt="">
    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11"/></svg>
    <style>a > b::after { content: "/x"; }</style>
  </body>
</html>
`

// relativeIndex edits go-app's page as the package's documentation says, and only so.
func TestRelativeIndex(t *testing.T) {
	page := strings.Replace(goappPage, "POLICY", contentSecurityPolicy, 1)
	out, err := relativeIndex([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var head, urls, scripts []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if n.Parent.Data == "head" {
			head = append(head, n.Data+" "+attr(n, "charset")+attr(n, "http-equiv")+attr(n, "property"))
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" {
				urls = append(urls, a.Val)
			}
		}
		if n.Data == "script" {
			scripts = append(scripts, attr(n, "src"))
		}
		if !slices.IsSortedFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) }) {
			t.Errorf("<%s>'s attributes are not sorted: %v", n.Data, n.Attr)
		}
	}
	if len(head) < 2 || head[0] != "meta UTF-8" || head[1] != "meta Content-Security-Policy" ||
		strings.Count(string(out), "Content-Security-Policy") != 1 {
		t.Errorf("<head> holds %q: want the policy right after <meta charset>, once", head)
	}
	for _, h := range head {
		if h == "meta og:url" || h == "meta og:image" {
			t.Errorf("the empty %s tag is still there", h)
		}
	}
	if !slices.Contains(head, "meta og:title") {
		t.Errorf("<head> holds %q: the Open Graph title is gone", head)
	}
	if want := []string{"web/icon.svg", "//cdn.example/x.css", "wasm_exec.js", "web/loader.js", "app.js", "./", "web/icon.svg"}; !slices.Equal(urls, want) {
		t.Errorf("the page names %q, want %q", urls, want)
	}
	if want := []string{"wasm_exec.js", "web/loader.js", "app.js"}; !slices.Equal(scripts, want) {
		t.Errorf("the scripts are %q, want %q", scripts, want)
	}
	for _, want := range []string{`a > b::after { content: "/x"; }`, `<path d="M4 2.5v11">`, ">Home</a>",
		"\n    <script defer=\"\" src=\"web/loader.js\"></script>\n    <script defer=\"\" src=\"app.js\"></script>\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the page lacks %q:\n%s", want, out)
		}
	}

	// The attributes in another order (go-app writes them in map order): the same bytes.
	shuffled := strings.NewReplacer(`<link rel="icon" href="/web/icon.svg">`, `<link href="/web/icon.svg" rel="icon">`,
		`<a href="/" class="home">`, `<a class="home" href="/">`).Replace(page)
	if again, err := relativeIndex([]byte(shuffled)); err != nil || !bytes.Equal(again, out) {
		t.Errorf("the same page with its attributes in another order gives other bytes (%v):\n%s", err, again)
	}

	// A page that lacks what is edited is an error, not a page left as it was.
	for what, broken := range map[string]string{
		"no policy":        strings.Replace(page, `<meta http-equiv="Content-Security-Policy"`, `<meta name="x"`, 1),
		"another policy":   goappPage,
		"no charset":       strings.Replace(page, `<meta charset="UTF-8">`, "", 1),
		"no app.js":        strings.Replace(page, `src="/app.js"`, `src="/other.js"`, 1),
		"two app.js":       strings.Replace(page, "</body>", `<script src="/app.js"></script></body>`, 1),
		"two policies":     strings.Replace(page, "</head>", `<meta http-equiv="Content-Security-Policy" content="`+contentSecurityPolicy+`"></head>`, 1),
		"two meta charset": strings.Replace(page, "</head>", `<meta charset="UTF-8"></head>`, 1),
	} {
		if _, err := relativeIndex([]byte(broken)); err == nil {
			t.Errorf("%s: no error", what)
		}
	}
}
