"""Draws the icons: the Teams app's appPackage/color.png (192x192) and appPackage/outline.png
(32x32), and the Power Automate connector's connector/icon.png (the colour icon redrawn at
230x230, opaque, on the teal of the connector's iconBrandColor).

Standard library only: shapes are point-in-shape tests, anti-aliased by supersampling, and the
PNG is written with zlib + struct. Run from the repository root: `python3 scripts/icons.py`.
"""

import math
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "appPackage"
CONNECTOR = ROOT / "connector"

TEAL = (14, 111, 116, 255)  # the manifest's accentColor, #0E6F74
LIGHT_TEAL = (122, 196, 193, 255)
WHITE = (255, 255, 255, 255)
GOLD = (255, 185, 56, 255)


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    return inside


def polygon(points):
    def inside(x, y):
        hit = False
        for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                hit = not hit
        return hit

    return inside


def star(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return polygon(points)


def scaled(layers, factor):
    """The same layers drawn `factor` times as large."""
    return [
        (lambda x, y, shape=shape: shape(x / factor, y / factor), colour)
        for shape, colour in layers
    ]


def union(*shapes):
    return lambda x, y: any(shape(x, y) for shape in shapes)


def minus(shape, hole):
    return lambda x, y: shape(x, y) and not hole(x, y)


def render(size, layers, samples):
    """Composites (shape, colour) layers, back to front, onto a transparent canvas."""
    offsets = [(i + 0.5) / samples for i in range(samples)]
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0.0
            for shape, (cr, cg, cb, ca) in layers:
                hits = sum(shape(px + ox, py + oy) for oy in offsets for ox in offsets)
                alpha = hits / (samples * samples) * ca / 255
                if alpha == 0:
                    continue
                # "over" compositing with premultiplied colour
                r = cr * alpha + r * (1 - alpha)
                g = cg * alpha + g * (1 - alpha)
                b = cb * alpha + b * (1 - alpha)
                a = alpha + a * (1 - alpha)
            if a > 0:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)


def color_icon():
    """A white story bubble with a gold star, in front of a second bubble: a wall of stories."""
    back = union(
        rounded_rect(64, 30, 166, 112, 20),
        polygon([(136, 108), (156, 108), (160, 132)]),
    )
    front = union(
        rounded_rect(26, 58, 136, 146, 22),
        polygon([(46, 140), (76, 140), (38, 170)]),
    )
    return [
        (lambda x, y: True, TEAL),
        (back, LIGHT_TEAL),
        (front, WHITE),
        (star(81, 102, 31, 13), GOLD),
    ]


def outline_icon():
    """The same bubble and star as a white outline on transparent, for the Teams app bar."""
    # The tail stays solid: an outlined tail is only a pixel or two wide at this size.
    outer = union(rounded_rect(2, 4, 30, 24, 6), polygon([(8, 22), (15, 22), (6, 30)]))
    inner = rounded_rect(4, 6, 28, 22, 4)
    return [
        (minus(outer, inner), WHITE),
        (star(16, 14, 6.5, 2.7), WHITE),
    ]


def main():
    OUT.mkdir(exist_ok=True)
    write_png(OUT / "color.png", 192, render(192, color_icon(), samples=4))
    write_png(OUT / "outline.png", 32, render(32, outline_icon(), samples=8))
    write_png(CONNECTOR / "icon.png", 230, render(230, scaled(color_icon(), 230 / 192), samples=4))


if __name__ == "__main__":
    main()
