//go:build !wasm

package site

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// static holds the hand-written files of the site, laid out as in the site's folder: the
// canvas page (canvas.html) and its script, the training worker's script, the loader of
// every Go binary (web/loader.js), the style sheet and the icons. Generate copies them
// into the folder it writes, so that public/ is build output only and the sources live
// here, beside the code that serves them.
//
//go:embed static
var static embed.FS

// sources is the hand-written files, rooted at the site's folder.
func sources() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // "static" is embedded above: it cannot be missing
	}
	return sub
}

// Sources returns the site's hand-written files, slash-separated and relative to the
// site's folder (web/loader.js), in lexical order.
func Sources() []string {
	names, err := fileNames(sources())
	if err != nil {
		panic(err) // the embedded tree is part of the binary: it cannot fail to walk
	}
	return names
}

// Source returns the contents of the hand-written file name (see Sources).
func Source(name string) ([]byte, error) {
	return fs.ReadFile(sources(), name)
}

func fileNames(src fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	return names, err
}

// copySources writes every file of src into dir.
func copySources(dir string, src fs.FS) error {
	names, err := fileNames(src)
	if err != nil {
		return err
	}
	for _, name := range names {
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
