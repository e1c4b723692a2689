package main

import (
	"runtime"
	"sync"

	"genlab/sim"
)

// trainAll trains every run to its end, as many at once as there are cores. Runs share
// nothing, so the numbers are the same as training them one by one.
func trainAll(runs []*sim.Run, prog *progress) {
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(runs)) {
		wg.Go(func() {
			for {
				mu.Lock()
				if next == len(runs) {
					mu.Unlock()
					return
				}
				r := runs[next]
				next++
				mu.Unlock()
				for !r.Done() {
					r.RunEpoch()
					mu.Lock()
					prog.printf("%s: epoch %d", r.Config().Encode(), r.Epochs())
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
}
