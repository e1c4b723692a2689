//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

var (
	// A tag as go-app writes it: attributes separated by one space, values in
	// strconv.Quote's double quotes (so a '"' inside is always escaped).
	goappTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?: [^\s="<>/]+(?:="(?:[^"\\]|\\.)*")?)+)(/?)>`)
	goappAttr = regexp.MustCompile(` [^\s="<>/]+(?:="(?:[^"\\]|\\.)*")?`)
	// A src or href to a path of the site.
	rootedURL = regexp.MustCompile(`(\s(?:src|href))="/([^/"][^"]*)?"`)
	// The Open Graph tags go-app fills with "https://" when the site has no domain.
	// (Matched once the attributes are sorted.)
	emptyOG = regexp.MustCompile(`\s*<meta content="https://" property="og:(?:url|image)">`)
)

// relativeIndex makes index.html work from any folder (see "One folder, any path" in the
// package's documentation).
func relativeIndex(b []byte) ([]byte, error) {
	s := string(b)
	if strings.Count(s, cspMeta) != 1 {
		return nil, errors.New("no Content-Security-Policy <meta> to move")
	}
	s = strings.Replace(s, "\n    "+cspMeta, "", 1)
	s = strings.Replace(s, cspMeta, "", 1) // if go-app indented it otherwise
	const charset = `<meta charset="UTF-8">`
	if !strings.Contains(s, charset) {
		return nil, errors.New("no <meta charset> to put the Content-Security-Policy after")
	}
	s = strings.Replace(s, charset, charset+"\n    "+cspMeta, 1)
	s = rootedURL.ReplaceAllStringFunc(s, func(m string) string {
		sub := rootedURL.FindStringSubmatch(m)
		if sub[2] == "" {
			return sub[1] + `="./"`
		}
		return sub[1] + `="` + sub[2] + `"`
	})
	s = goappTag.ReplaceAllStringFunc(s, func(tag string) string {
		sub := goappTag.FindStringSubmatch(tag)
		attrs := goappAttr.FindAllString(sub[2], -1)
		sort.Strings(attrs)
		return "<" + sub[1] + strings.Join(attrs, "") + sub[3] + ">"
	})
	s = emptyOG.ReplaceAllString(s, "")
	// The loader of every Go binary (web/loader.js) runs before app.js, which uses it.
	const appScript = `<script defer src="app.js"></script>`
	if strings.Count(s, appScript) != 1 {
		return nil, errors.New("no single app.js <script> to put the loader before")
	}
	s = strings.Replace(s, appScript, `<script defer src="web/loader.js"></script>`+"\n    "+appScript, 1)
	return []byte(s), nil
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
