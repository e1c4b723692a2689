//go:build !wasm

package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Generate writes the site's hand-written files (Sources) and go-app's static files
// (index.html, app.js, app-worker.js, app.css, manifest.webmanifest, wasm_exec.js) into
// dir, next to the built binaries, makes them work from any folder, and stamps them with the site's Version, a
// hash of every file the service worker caches: so it runs after the binaries are built
// (see "Versions" in the package's documentation). go-app pre-renders the page into
// index.html, so the page's routes must be declared (app.Route) before.
//
// It prints the Version on standard output, and warns on standard error of each file
// the site needs that the build has not produced yet: the site works, but not offline.
// Generating again from the same files writes the same bytes.
func Generate(dir string) error { return generate(dir, sources()) }

// generate is Generate with the hand-written files taken from src.
func generate(dir string, src fs.FS) error {
	if err := copySources(dir, src); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, goappHandler(versionPlaceholder)); err != nil {
		return err
	}
	// Go's wasm_exec.js must come from the toolchain that built app.wasm: make build
	// puts the toolchain's in web/, and it replaces go-app's copy.
	if glue, err := os.ReadFile(filepath.Join(dir, "web", "wasm_exec.js")); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), glue, 0o644); err != nil {
			return err
		}
	}
	for name, rewrite := range map[string]func([]byte) ([]byte, error){
		"index.html":           relativeIndex,
		"app.js":               relativeAppJS,
		"manifest.webmanifest": relativeManifest,
	} {
		if err := rewriteFile(filepath.Join(dir, name), rewrite); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}

	version, missing, err := hashFiles(dir)
	if err != nil {
		return err
	}
	for _, m := range missing {
		fmt.Fprintf(os.Stderr, "warning: %s is missing: the site will not work offline until it is built\n", path.Join(dir, m))
	}
	for _, name := range generatedFiles() {
		err := rewriteFile(filepath.Join(dir, name), func(b []byte) ([]byte, error) {
			return bytes.ReplaceAll(b, []byte(versionPlaceholder), []byte(version)), nil
		})
		if err != nil {
			return err
		}
	}
	fmt.Printf("wrote the site into %s, version %s\n", dir, version)
	return nil
}

// rewriteFile replaces the contents of file by rewrite's result.
func rewriteFile(file string, rewrite func([]byte) ([]byte, error)) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := rewrite(b)
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}

// versionPlaceholder stands for the Version while the files are written and hashed.
const versionPlaceholder = "GENLAB_VERSION_PLACEHOLDER"

// hashFiles hashes the files of the site in dir: those the service worker caches, and
// the service worker itself. It also returns the files that are missing: the site needs
// them but the build has not produced them (yet).
func hashFiles(dir string) (version string, missing []string, err error) {
	h := sha256.New()
	for _, name := range Files() {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, name)
			fmt.Fprintf(h, "%s\x00missing\x00", name)
			continue
		case err != nil:
			return "", nil, err
		}
		// Length-prefixed, so that no two different sets of files hash alike.
		fmt.Fprintf(h, "%s\x00", name)
		_ = binary.Write(h, binary.LittleEndian, uint64(len(b)))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], missing, nil
}
