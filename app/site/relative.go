//go:build !wasm

package site

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// relativeIndex makes index.html work from any folder, and come out the same from the
// same sources (see "One folder, any path" in the package's documentation). It parses
// the page go-app wrote, edits the tree and renders it again:
//
//   - every src and href to the site ("/web/style.css") becomes relative
//     ("web/style.css"), and the folder itself ("/") becomes "./";
//   - the Content-Security-Policy <meta> moves right after <meta charset>: a <meta>
//     policy only governs what comes after it;
//   - the Open Graph url and image tags, which go-app fills with "https://" when the
//     site has no domain, are removed;
//   - the loader of every Go binary (web/loader.js) is loaded before app.js, which
//     uses it;
//   - the attributes of every element are sorted: go-app writes them in map order,
//     which would change the file, and so the Version, on every build.
//
// A page that lacks what it edits (one policy, one <meta charset>, one app.js) is an
// error: go-app changed, and this needs looking at.
func relativeIndex(b []byte) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	var charsets, policies, appScripts, emptyOG []*html.Node
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for i, a := range n.Attr {
			if a.Namespace == "" && (a.Key == "src" || a.Key == "href") {
				n.Attr[i].Val = relativeURL(a.Val)
			}
		}
		slices.SortFunc(n.Attr, func(a, b html.Attribute) int {
			return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Key, b.Key))
		})
		switch {
		case n.DataAtom == atom.Meta && hasAttr(n, "charset"):
			charsets = append(charsets, n)
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "http-equiv"), "Content-Security-Policy"):
			policies = append(policies, n)
		case n.DataAtom == atom.Meta && (attr(n, "property") == "og:url" || attr(n, "property") == "og:image") &&
			attr(n, "content") == "https://":
			emptyOG = append(emptyOG, n)
		case n.DataAtom == atom.Script && attr(n, "src") == "app.js":
			appScripts = append(appScripts, n)
		}
	}
	if len(policies) != 1 || attr(policies[0], "content") != contentSecurityPolicy {
		return nil, fmt.Errorf("%d Content-Security-Policy <meta> tags: want one, the handler's, to move", len(policies))
	}
	if len(charsets) != 1 {
		return nil, fmt.Errorf("%d <meta charset> tags: want one, to put the Content-Security-Policy after", len(charsets))
	}
	if len(appScripts) != 1 {
		return nil, fmt.Errorf("%d app.js <script> tags: want one, to put the loader before", len(appScripts))
	}
	removeLine(policies[0])
	insertLineAfter(policies[0], charsets[0])
	for _, n := range emptyOG {
		removeLine(n)
	}
	loader := &html.Node{Type: html.ElementNode, DataAtom: atom.Script, Data: "script",
		Attr: []html.Attribute{{Key: "defer"}, {Key: "src", Val: "web/loader.js"}}}
	insertLineBefore(loader, appScripts[0])

	var out bytes.Buffer
	if err := html.Render(&out, doc); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// relativeURL makes a URL of the site from its root ("/web/style.css", "/") relative to
// the site's folder ("web/style.css", "./"), and leaves any other URL as it is.
func relativeURL(u string) string {
	switch {
	case u == "/":
		return "./"
	case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//"):
		return u[1:]
	}
	return u
}

// attr returns the value of the attribute key of the element n, "" if it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether the element n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Namespace == "" && a.Key == key })
}

// removeLine takes the element n out of the page, with the indentation before it, so
// that no blank line is left where it was.
func removeLine(n *html.Node) {
	if ws := n.PrevSibling; isIndent(ws) {
		n.Parent.RemoveChild(ws)
	}
	n.Parent.RemoveChild(n)
}

// insertLineAfter puts the element n right after ref, on a line of its own indented as
// ref's.
func insertLineAfter(n, ref *html.Node) {
	next := ref.NextSibling
	ref.Parent.InsertBefore(indentOf(ref), next)
	ref.Parent.InsertBefore(n, next)
}

// insertLineBefore puts the element n right before ref, on a line of its own indented
// as ref's.
func insertLineBefore(n, ref *html.Node) {
	indent := indentOf(ref)
	ref.Parent.InsertBefore(n, ref)
	ref.Parent.InsertBefore(indent, ref)
}

// indentOf returns a new text node: the white space before the element n.
func indentOf(n *html.Node) *html.Node {
	indent := "\n"
	if ws := n.PrevSibling; isIndent(ws) {
		indent = ws.Data
	}
	return &html.Node{Type: html.TextNode, Data: indent}
}

// isIndent reports whether n is white space between elements.
func isIndent(n *html.Node) bool {
	return n != nil && n.Type == html.TextNode && strings.TrimSpace(n.Data) == ""
}

// The root of the site, computed in the browser: the folder app.js was loaded from.
const appJSRoot = `
// Generalization Lab (genlab/app/site): the site's root is the folder of this script, so
// that the same files work at / and under any sub-path such as /courses/ml/lab/.
const genlabRoot = new URL(".", (document.currentScript && document.currentScript.src) || location.href).pathname;
goappEnv["GOAPP_ROOT_PREFIX"] = genlabRoot.replace(/\/$/, "");
goappEnv["GOAPP_STATIC_RESOURCES_URL"] = genlabRoot + "web";
// A link to index.html is a link to the folder, whose path is the page's route.
if (location.pathname === genlabRoot + "index.html") {
  history.replaceState(history.state, "", genlabRoot + location.search + location.hash);
}
`

// relativeAppJS makes app.js work from any folder (see "One folder, any path" in the
// package's documentation).
func relativeAppJS(b []byte) ([]byte, error) {
	s := string(b)
	// Unlike index.html, app.js is edited as text: the four edits below are anchored on
	// lines go-app writes, and each must match exactly once, so a change of go-app
	// fails here rather than slipping through. A JavaScript parser (esbuild's, goja's,
	// tdewolff's) would find the same places, but would print the whole file back in
	// its own way, and bring a large dependency for a file we otherwise keep byte for
	// byte.
	env := regexp.MustCompile(`(?m)^const goappEnv = .*;\n`)
	if len(env.FindAllString(s, -1)) != 1 {
		return nil, errors.New("go-app's app.js no longer declares goappEnv on one line: check relativeAppJS")
	}
	s = env.ReplaceAllStringFunc(s, func(m string) string { return m + appJSRoot })
	for _, file := range []string{"app-worker.js", "web/app.wasm"} {
		quoted := `"/` + file + `"`
		if strings.Count(s, quoted) != 1 {
			return nil, fmt.Errorf("go-app's app.js names %s %d times, not once: check relativeAppJS", quoted, strings.Count(s, quoted))
		}
		s = strings.Replace(s, quoted, `genlabRoot + "`+file+`"`, 1)
	}
	if strings.Count(s, goappStart) != 1 {
		return nil, errors.New("go-app's app.js no longer starts app.wasm as it did: check relativeAppJS")
	}
	s = strings.Replace(s, goappStart, loaderStart, 1)
	return []byte(s), nil
}

// goappStart is how go-app's app.js starts app.wasm; loaderStart starts it with the site's
// one loader instead (web/loader.js, which index.html loads before app.js). The page
// itself never trains, so it gets no SIMD kernels: its binary only asks whether it has
// them.
const (
	goappStart = `    const wasm = await instantiateStreaming(
      fetchWithProgress(genlabRoot + "web/app.wasm", showProgress),
      go.importObject
    );

    go.run(wasm.instance);
`
	loaderStart = `    await genlabStartGo(go, fetchWithProgress(genlabRoot + "web/app.wasm", showProgress), null);
`
)

// relativeManifest makes the web manifest's URLs relative to itself, so the installed
// app's scope and start are the site's folder wherever it is.
func relativeManifest(b []byte) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	m["scope"] = "./"
	m["start_url"] = "./"
	icons, _ := m["icons"].([]any)
	for _, icon := range icons {
		if icon, ok := icon.(map[string]any); ok {
			if src, ok := icon["src"].(string); ok {
				icon["src"] = strings.TrimPrefix(src, "/")
			}
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
