"""chart_check.py FILE N - checks a chart written by `casia chart`.

SVG: the file parses as XML (the SVG namespace) and its legend holds N
series: the stroked paths 2 units wide (the series lines themselves are
2.5 wide, but a series with a single year has no line, only a marker).
PNG: a valid PNG (signature, IHDR, IDAT that inflates to the image,
IEND) whose pixels include China's red and Russia's blue lines.
Exit status 0 when the chart is as expected.
"""
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
# casia chart's colours: China rgb(80%,10%,12%), Russia rgb(10%,30%,70%)
RED = (204, 26, 31)
BLUE = (26, 77, 179)


def check_svg(path, n):
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg", "not an SVG document: %s" % root.tag
    legend = [p for p in root.iter(SVG + "path")
              if "stroke-width:2;" in p.get("style", "")]
    colours = {p.get("style").split("stroke:")[1].split(";")[0] for p in legend}
    assert len(legend) == n, "%d legend entries, expected %d" % (len(legend), n)
    return "%d series in %d colours" % (len(legend), len(colours))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def check_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "no PNG signature"
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        assert zlib.crc32(kind + body) == crc, "bad CRC in %r" % kind
        chunks.append((kind, body))
        pos += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, ctype = struct.unpack(">IIBB", chunks[0][1][:10])
    assert depth == 8 and ctype in (2, 6), "unexpected colour type"
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(b for k, b in chunks if k == b"IDAT"))
    stride = width * bpp
    assert len(raw) == height * (stride + 1), "IDAT is not the image"
    prev = bytearray(stride)
    red = blue = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
        for x in range(0, stride, bpp):
            px = tuple(line[x:x + 3])
            if all(abs(px[k] - RED[k]) <= 2 for k in range(3)):
                red += 1
            elif all(abs(px[k] - BLUE[k]) <= 2 for k in range(3)):
                blue += 1
        prev = line
    assert red > 100 and blue > 100, "red %d, blue %d pixels" % (red, blue)
    return "%dx%d, %d red and %d blue pixels" % (width, height, red, blue)


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    if path.endswith(".svg"):
        print(check_svg(path, n))
    else:
        print(check_png(path))


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, ET.ParseError, zlib.error, struct.error) as e:
        print("chart_check: %s: %s" % (sys.argv[1], e), file=sys.stderr)
        sys.exit(1)
