package canvas

// The palette. The scene is light, to sit calmly in the page's white and light-grey UI,
// except for the memory walls, which are dark so that fitted examples can literally light up.
// Run colours are the Okabe–Ito palette, distinguishable with every common colour-vision
// deficiency; and no colour carries meaning alone: runs are also named, train and test are
// solid and dashed, fitted tiles are brighter and framed, corrupted ones carry a corner mark.
const (
	colBackground rgb = 0xf3f4f6
	colCard       rgb = 0xffffff
	colCardEdge   rgb = 0xd9dde3
	colInk        rgb = 0x1f2933 // primary text
	colInkSoft    rgb = 0x52606d // secondary text
	colInkFaint   rgb = 0x8a96a3 // tick labels, hints
	colGrid       rgb = 0xe6e9ed
	colAxis       rgb = 0xa3acb6
	colChance     rgb = 0x6b7785
	colShadow     rgb = 0x0b1220

	// The memory wall.
	colWall      rgb = 0x1b2130 // the wall's panel
	colWallLabel rgb = 0xc3ccd8 // group labels on the wall
	colWallSoft  rgb = 0x7d889a
	colDimBg     rgb = 0x262e3d // an unfitted tile: a dim thumbnail...
	colDimInk    rgb = 0x667186
	colDimSmall  rgb = 0x4c5669 // ...or, when too small for one, a hollow square
	colLitBg     rgb = 0x6e5520 // a fitted tile: a bright thumbnail...
	colLitInk    rgb = 0xfffbea
	colLitFrame  rgb = 0xffc53d // ...inside a solid amber frame
	colCorrupt   rgb = 0xff4f9a // the corner mark of a corrupted label
	colHover     rgb = 0xffffff

	// First-layer weights: a diverging map, dark at zero, blue negative, orange positive.
	colWeightZero rgb = 0x15181e
	colWeightNeg  rgb = 0x3d9bff
	colWeightPos  rgb = 0xff9a1f

	// State words.
	colGood rgb = 0x1a7f37
	colBad  rgb = 0xc62828
	colCalm rgb = 0x52606d
)

// runColor is the colour of run i in the curves and next to its title.
func runColor(i int) rgb {
	switch i % maxRuns {
	case 0:
		return 0x0072b2 // blue
	case 1:
		return 0xd55e00 // vermillion
	case 2:
		return 0x009e73 // bluish green
	}
	return 0xcc79a7 // reddish purple
}
