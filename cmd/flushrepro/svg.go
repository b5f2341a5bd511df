package main

import (
	"fmt"
	"html"
	"strings"

	"github.com/flushcheck/flushcheck/flushtest"
)

// Layout of the chart, in pixels.
const (
	chartWidth = 980
	labelWidth = 300
	barWidth   = 560
	barHeight  = 12
	rowHeight  = 2*barHeight + 14
	topMargin  = 64
)

// chart draws, for every result, the share of the promised bytes that
// the bad shape (red) and the fixed shape (green) delivered, averaged
// over the runs. A fixed shape that reported failure is drawn hatched
// grey: its share does not matter, it told its caller.
func chart(results []result) string {
	height := topMargin + rowHeight*len(results) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		chartWidth, height, chartWidth, height)
	b.WriteString(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ddd"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>` + "\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", chartWidth, height)
	b.WriteString(`<text x="10" y="22" font-size="16" font-weight="bold">Bytes delivered, as a share of bytes promised (mean over the runs)</text>` + "\n")
	legend(&b)
	for i, r := range results {
		bars(&b, topMargin+i*rowHeight, r)
	}
	axis(&b, topMargin+rowHeight*len(results))
	b.WriteString("</svg>\n")
	return b.String()
}

func legend(b *strings.Builder) {
	items := []struct{ fill, text string }{
		{"#d9534f", "bad shape: reported success"},
		{"#5cb85c", "fixed shape: reported success"},
		{"url(#hatch)", "fixed shape: reported the failure"},
	}
	x := 10
	for _, it := range items {
		fmt.Fprintf(b, `<rect x="%d" y="36" width="14" height="12" fill="%s"/><text x="%d" y="46">%s</text>`+"\n", x, it.fill, x+18, it.text)
		x += 24 + 7*len(it.text)
	}
}

func bars(b *strings.Builder, y int, r result) {
	label := r.row.check + " · " + r.row.pkg
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelWidth-8, y+barHeight+4, html.EscapeString(label))
	bar(b, y, r.bad.mean(), "#d9534f", r.bad)
	fill := "#5cb85c"
	if r.fixed.outcomes[flushtest.Reported] > 0 {
		fill = "url(#hatch)"
	}
	bar(b, y+barHeight+2, r.fixed.mean(), fill, r.fixed)
}

func bar(b *strings.Builder, y int, share float64, fill string, t tally) {
	w := int(share*barWidth + 0.5)
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f4f4"/>`, labelWidth, y, barWidth, barHeight)
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s</title></rect>`,
		labelWidth, y, w, barHeight, fill, html.EscapeString(fmt.Sprintf("%s of %d bytes", delivered(t), t.promised)))
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="10">%.1f%%</text>`+"\n", labelWidth+barWidth+6, y+barHeight-2, share*100)
}

func axis(b *strings.Builder, y int) {
	for pct := 0; pct <= 100; pct += 25 {
		x := labelWidth + pct*barWidth/100
		fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#888" stroke-dasharray="2,3"/>`, x, topMargin-4, x, y)
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="10">%d%%</text>`+"\n", x, y+14, pct)
	}
}
