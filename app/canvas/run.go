package canvas

// paintRun paints run i's card: header, memory wall, weights and gauge.
func (p *Painter) paintRun(i int, run *Card, playing bool) {
	bx := &p.lay.runs[i]
	p.r.card(bx.card, 5*p.scale, colCard, colCardEdge, colBackground, bx.wall.panel)
	p.r.setBase(bx.card.Inset(1))
	p.paintHeader(bx, i, run, playing)
	p.paintWall(&bx.wall, run)
	p.paintWeights(&bx.weights, run.Snap)
	p.paintGauge(&bx.gauge, run, runColor(i))
	p.r.setBase(p.lay.bounds)
}
