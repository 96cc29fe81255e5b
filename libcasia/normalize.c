/*
 * normalize.c - the matching form of a country name: case, accents, spaces
 * and punctuation ignored. Shared by the library and by gen-countries, the
 * build-time generator of the registry, so that both fold text the same way.
 */
#include "internal.h"

#include <string.h>

/* Folding of U+00C0..U+024F to lower-case ASCII: NULL keeps the code point.
 * Generated once with Python's unicodedata (NFD, first character), plus
 * the letters NFD leaves alone (ß, æ, ø, œ, đ, ł, þ, ð, ı, ħ, ...). */
static const char *const fold_table[0x250 - 0xC0] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", NULL,
    "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", NULL,
    "o", "u", "u", "u", "u", "y", "th", "y",
    "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h",
    "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", NULL, NULL, "j", "j", "k", "k",
    "k", "l", "l", "l", "l", "l", "l", NULL,
    NULL, "l", "l", "n", "n", "n", "n", "n",
    "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r",
    "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y",
    "y", "z", "z", "z", "z", "z", "z", "s",
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    "o", "o", NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, "u",
    "u", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, "a", "a", "i",
    "i", "o", "o", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "u", NULL, "a", "a",
    "a", "a", NULL, NULL, NULL, NULL, "g", "g",
    "k", "k", "o", "o", "o", "o", NULL, NULL,
    "j", NULL, NULL, NULL, "g", "g", NULL, NULL,
    "n", "n", "a", "a", NULL, NULL, NULL, NULL,
    "a", "a", "a", "a", "e", "e", "e", "e",
    "i", "i", "i", "i", "o", "o", "o", "o",
    "r", "r", "r", "r", "u", "u", "u", "u",
    "s", "s", "t", "t", NULL, NULL, "h", "h",
    NULL, NULL, NULL, NULL, NULL, NULL, "a", "a",
    "e", "e", "o", "o", "o", "o", "o", "o",
    "o", "o", "y", "y", NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static void put_utf8(char *out, int *o, uint32_t cp)
{
    if (cp < 0x80) {
        out[(*o)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*o)++] = (char)(0xC0 | (cp >> 6));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out[(*o)++] = (char)(0xE0 | (cp >> 12));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*o)++] = (char)(0xF0 | (cp >> 18));
        out[(*o)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    }
}

int casia__normalize(char *out, const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    int o = 0;

    if (casia__utf8_invalid_at(in, len) != len)
        return -1;
    while (i < len) {
        unsigned char c = s[i];
        uint32_t cp;
        if (c < 0x80) {
            i++;
            if (c >= 'A' && c <= 'Z')
                out[o++] = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out[o++] = (char)c;
            else if (c == '&') {
                memcpy(out + o, "and", 3);
                o += 3;
            }
            /* other ASCII (space, punctuation, controls): dropped */
            continue;
        }
        if (c < 0xE0) {
            cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            cp = ((uint32_t)(c & 0x0F) << 12) |
                 ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            i += 3;
        } else {
            cp = ((uint32_t)(c & 0x07) << 18) |
                 ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            i += 4;
        }
        if (cp >= 0xC0 && cp < 0x250 && fold_table[cp - 0xC0]) {
            const char *f = fold_table[cp - 0xC0];
            size_t n = strlen(f);
            memcpy(out + o, f, n);
            o += (int)n;
        } else if ((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
                   (cp >= 0x2000 && cp <= 0x206F)) {
            /* Latin-1 punctuation, no-break space, quotes, dashes: dropped */
        } else {
            put_utf8(out, &o, cp);
        }
    }
    out[o] = '\0';
    return o;
}
