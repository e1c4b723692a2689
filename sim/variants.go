package sim

import (
	"fmt"
	"strings"
)

// Side-by-side runs are written as variants of one base Config: a list of overrides
// separated by ";", each a comma-separated list of name=value settings, e.g.
//
//	labels=true;labels=random
//	labels=corrupt,p=0.4;inputs=shuffled
//
// Every run then shares the base's data, network and seed except for what its variant
// changes, which is exactly what makes the runs comparable.

// DefaultVariants is the comparison the simulator opens with: the same images and the
// same network, on true labels and on random labels.
const DefaultVariants = "labels=true;labels=random"

// With returns c with the settings of one variant applied (see above). Unlike ParseQuery
// it is strict: any bad setting is an error naming it, and c is returned unchanged.
func (c Config) With(variant string) (Config, error) {
	out := c
	var errs Errors
	for kv := range strings.SplitSeq(variant, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			return c, fmt.Errorf("setting %q has no value (write name=value)", kv)
		}
		if err := out.Set(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			if fe, ok := err.(*FieldError); ok {
				errs = append(errs, fe)
				continue
			}
			return c, err
		}
	}
	if len(errs) > 0 {
		return c, errs
	}
	if err := out.Validate(); err != nil {
		return c, err
	}
	return out, nil
}

// Variants applies each variant of list (separated by ";") to c. An empty list gives c alone.
func (c Config) Variants(list string) ([]Config, error) {
	var out []Config
	for v := range strings.SplitSeq(list, ";") {
		if strings.TrimSpace(v) == "" {
			continue
		}
		vc, err := c.With(v)
		if err != nil {
			return nil, fmt.Errorf("run %q: %w", v, err)
		}
		out = append(out, vc)
	}
	if len(out) == 0 {
		out = append(out, c)
	}
	return out, nil
}
