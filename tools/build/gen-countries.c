/*
 * gen-countries.c - build-time generator of libcasia's country registry.
 *
 *   gen-countries ISO_3166-1.json ISO_3166-3.json countries.in > countries.c
 *
 * Reads Debian's iso-codes tables (with cJSON) and the hand-kept additions,
 * and writes three sorted tables: the entries, the exact codes and the
 * normalised names. Any clash (one code for two entries, an alias naming an
 * unknown code) stops the build with a message naming the line.
 */
#include "internal.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES 1024
#define MAX_CODES 4096
#define MAX_KEYS 8192

typedef struct entry {
    char code[8], alpha2[4], numeric[8];
    char *name;
    int kind;
} entry;

typedef struct code_map {
    char text[16];
    int index;
} code_map;

typedef struct key_map {
    char *key;
    int index;          /* -1 = ambiguous */
    char choices[128];
    int forced;         /* from an "ambiguous" line */
} key_map;

static entry entries[MAX_ENTRIES];
static size_t n_entries;
static code_map codes[MAX_CODES];
static size_t n_codes;
static key_map keys[MAX_KEYS];
static size_t n_keys;

static void die(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "gen-countries: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    if (!p)
        die("out of memory%s%s", "", "");
    strcpy(p, s);
    return p;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        die("cannot open %s%s", path, "");
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        die("cannot read %s%s", path, "");
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int find_entry(const char *code)
{
    size_t i;
    for (i = 0; i < n_entries; i++)
        if (strcmp(entries[i].code, code) == 0)
            return (int)i;
    return -1;
}

static void upper(char *dst, const char *src, size_t size)
{
    size_t i;
    for (i = 0; src[i] && i + 1 < size; i++)
        dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? (char)(src[i] - 32) : src[i];
    dst[i] = '\0';
}

/* Numeric codes are matched without leading zeros ("004" as "4"). */
static const char *strip_zeros(const char *s)
{
    while (s[0] == '0' && s[1])
        s++;
    return s;
}

static void add_code(const char *text, int index, const char *why)
{
    char u[16];
    size_t i;
    if (!text || !*text)
        return;
    if (strspn(text, "0123456789") == strlen(text))
        text = strip_zeros(text);
    upper(u, text, sizeof u);
    for (i = 0; i < n_codes; i++) {
        if (strcmp(codes[i].text, u) == 0) {
            if (codes[i].index != index)
                die("code %s names two entries (%s)", u, why);
            return;
        }
    }
    if (n_codes == MAX_CODES)
        die("too many codes%s%s", "", "");
    strcpy(codes[n_codes].text, u);
    codes[n_codes].index = index;
    n_codes++;
}

static void add_key(const char *name, int index, const char *why)
{
    char buf[1024];
    size_t i;
    int n;
    if (!name || !*name)
        return;
    if (strlen(name) > 300)
        die("name too long: %s (%s)", name, why);
    n = casia__normalize(buf, name, strlen(name));
    if (n < 0)
        die("invalid UTF-8 in %s (%s)", name, why);
    if (n == 0)
        return;
    for (i = 0; i < n_keys; i++) {
        if (strcmp(keys[i].key, buf) == 0) {
            if (keys[i].forced || keys[i].index == index)
                return;
            /* a current country's name wins over a former state's */
            if (keys[i].index >= 0 &&
                entries[keys[i].index].kind == CASIA_KIND_HISTORICAL &&
                entries[index].kind != CASIA_KIND_HISTORICAL) {
                keys[i].index = index;
                return;
            }
            if (keys[i].index >= 0 &&
                entries[index].kind == CASIA_KIND_HISTORICAL &&
                entries[keys[i].index].kind != CASIA_KIND_HISTORICAL)
                return;
            /* two entries share this name: it becomes ambiguous */
            if (keys[i].index >= 0) {
                snprintf(keys[i].choices, sizeof keys[i].choices, "%s, %s",
                         entries[keys[i].index].code, entries[index].code);
            } else if (!strstr(keys[i].choices, entries[index].code)) {
                size_t l = strlen(keys[i].choices);
                snprintf(keys[i].choices + l, sizeof keys[i].choices - l,
                         ", %s", entries[index].code);
            }
            keys[i].index = -1;
            return;
        }
    }
    if (n_keys == MAX_KEYS)
        die("too many names%s%s", "", "");
    keys[n_keys].key = xstrdup(buf);
    keys[n_keys].index = index;
    keys[n_keys].choices[0] = '\0';
    keys[n_keys].forced = 0;
    n_keys++;
}

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int add_entry(const char *code, const char *alpha2, const char *numeric,
                     const char *name, int kind)
{
    entry *e;
    if (find_entry(code) >= 0)
        die("entry %s defined twice%s", code, "");
    if (n_entries == MAX_ENTRIES)
        die("too many entries%s%s", "", "");
    if (strlen(code) >= sizeof e->code || (alpha2 && strlen(alpha2) >= sizeof e->alpha2) ||
        (numeric && strlen(numeric) >= sizeof e->numeric))
        die("field too long in entry %s%s", code, "");
    e = &entries[n_entries];
    strcpy(e->code, code);
    strcpy(e->alpha2, alpha2 ? alpha2 : "");
    strcpy(e->numeric, numeric ? numeric : "");
    e->name = xstrdup(name);
    e->kind = kind;
    return (int)n_entries++;
}

static void load_iso1(const char *path)
{
    char *text = read_all(path);
    cJSON *root = cJSON_Parse(text), *list, *c;
    if (!root)
        die("%s is not valid JSON%s", path, "");
    list = cJSON_GetObjectItemCaseSensitive(root, "3166-1");
    if (!cJSON_IsArray(list))
        die("%s has no \"3166-1\" list%s", path, "");
    cJSON_ArrayForEach(c, list) {
        const char *a3 = jstr(c, "alpha_3"), *a2 = jstr(c, "alpha_2");
        const char *num = jstr(c, "numeric"), *name = jstr(c, "name");
        const char *common = jstr(c, "common_name");
        const char *official = jstr(c, "official_name");
        int i;
        if (!a3 || !name)
            die("%s: an entry lacks alpha_3 or name%s", path, "");
        i = add_entry(a3, a2, num, common ? common : name, CASIA_KIND_COUNTRY);
        add_code(a3, i, path);
        add_code(a2, i, path);
        add_code(num, i, path);
        add_key(name, i, path);
        add_key(common, i, path);
        add_key(official, i, path);
    }
    cJSON_Delete(root);
    free(text);
}

static void load_iso3(const char *path)
{
    char *text = read_all(path);
    cJSON *root = cJSON_Parse(text), *list, *c;
    if (!root)
        die("%s is not valid JSON%s", path, "");
    list = cJSON_GetObjectItemCaseSensitive(root, "3166-3");
    if (!cJSON_IsArray(list))
        die("%s has no \"3166-3\" list%s", path, "");
    cJSON_ArrayForEach(c, list) {
        const char *a3 = jstr(c, "alpha_3"), *name = jstr(c, "name");
        const char *num = jstr(c, "numeric");
        char key[16];
        size_t k;
        int i, clash = 0;
        if (!a3 || !name)
            continue;
        /* former codes reused by a current country stay with the current one */
        if (find_entry(a3) >= 0)
            continue;
        if (num) {
            upper(key, strip_zeros(num), sizeof key);
            for (k = 0; k < n_codes; k++)
                if (strcmp(codes[k].text, key) == 0)
                    clash = 1;
        }
        i = add_entry(a3, "", clash ? "" : num, name, CASIA_KIND_HISTORICAL);
        add_code(a3, i, path);
        if (!clash)
            add_code(num, i, path);
        add_key(name, i, path);
    }
    cJSON_Delete(root);
    free(text);
}

static int kind_of(const char *s, const char *where)
{
    if (strcmp(s, "country") == 0)
        return CASIA_KIND_COUNTRY;
    if (strcmp(s, "aggregate") == 0)
        return CASIA_KIND_AGGREGATE;
    if (strcmp(s, "area") == 0)
        return CASIA_KIND_AREA;
    die("unknown kind %s at %s", s, where);
    return 0;
}

/* Splits line at '|' into at most max fields; returns the count. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    while (n < max && (line = strchr(line, '|')) != NULL) {
        *line++ = '\0';
        f[n++] = line;
    }
    return n;
}

static void load_extra(const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[1024], where[1100];
    int lineno = 0;
    if (!fp)
        die("cannot open %s%s", path, "");
    while (fgets(line, sizeof line, fp)) {
        char *f[8];
        int n, i;
        size_t len = strlen(line);
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        n = split(line, f, 8);
        if (strcmp(f[0], "entity") == 0 && n == 6) {
            i = add_entry(f[1], f[3], f[4], f[5], kind_of(f[2], where));
            add_code(f[1], i, where);
            add_code(f[3], i, where);
            add_code(f[4], i, where);
            add_key(f[5], i, where);
        } else if ((strcmp(f[0], "code") == 0 || strcmp(f[0], "name") == 0) && n == 3) {
            i = find_entry(f[2]);
            if (i < 0)
                die("unknown code %s at %s", f[2], where);
            if (f[0][0] == 'c')
                add_code(f[1], i, where);
            else
                add_key(f[1], i, where);
        } else if (strcmp(f[0], "ambiguous") == 0 && n == 3) {
            char buf[1024];
            char *tok, *save = NULL;
            key_map *k;
            int nn = casia__normalize(buf, f[1], strlen(f[1]));
            size_t j;
            if (nn <= 0)
                die("bad name at %s%s", where, "");
            for (j = 0; j < n_keys; j++)
                if (strcmp(keys[j].key, buf) == 0)
                    break;
            if (j == n_keys) {
                keys[n_keys].key = xstrdup(buf);
                n_keys++;
            }
            k = &keys[j];
            k->index = -1;
            k->forced = 1;
            k->choices[0] = '\0';
            for (tok = strtok_r(f[2], " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
                size_t l = strlen(k->choices);
                if (find_entry(tok) < 0)
                    die("unknown code %s at %s", tok, where);
                snprintf(k->choices + l, sizeof k->choices - l, "%s%s",
                         l ? ", " : "", tok);
            }
        } else {
            die("malformed line at %s%s", where, "");
        }
    }
    fclose(fp);
}

static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(out, "\\%03o", c);   /* octal keeps UTF-8 bytes exact */
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->code, ((const entry *)b)->code);
}
static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const code_map *)a)->text, ((const code_map *)b)->text);
}
static int cmp_key(const void *a, const void *b)
{
    return strcmp(((const key_map *)a)->key, ((const key_map *)b)->key);
}

int main(int argc, char **argv)
{
    int remap[MAX_ENTRIES];
    char old_code[MAX_ENTRIES][8];
    size_t i;
    if (argc != 4) {
        fprintf(stderr, "usage: gen-countries iso_3166-1.json iso_3166-3.json countries.in\n");
        return 2;
    }
    load_iso1(argv[1]);
    load_iso3(argv[2]);
    load_extra(argv[3]);

    /* sort entries by code and renumber the maps */
    for (i = 0; i < n_entries; i++)
        strcpy(old_code[i], entries[i].code);
    qsort(entries, n_entries, sizeof entries[0], cmp_entry);
    for (i = 0; i < n_entries; i++)
        remap[i] = find_entry(old_code[i]);
    for (i = 0; i < n_codes; i++)
        codes[i].index = remap[codes[i].index];
    for (i = 0; i < n_keys; i++)
        if (keys[i].index >= 0)
            keys[i].index = remap[keys[i].index];
    qsort(codes, n_codes, sizeof codes[0], cmp_code);
    qsort(keys, n_keys, sizeof keys[0], cmp_key);

    printf("/* Generated by gen-countries from iso-codes and countries.in: do not edit. */\n");
    printf("#include \"internal.h\"\n\n");
    printf("const casia__country_rec casia__countries[] = {\n");
    for (i = 0; i < n_entries; i++) {
        printf("    {");
        put_string(stdout, entries[i].code);
        printf(", ");
        put_string(stdout, entries[i].alpha2);
        printf(", ");
        put_string(stdout, entries[i].numeric);
        printf(", ");
        put_string(stdout, entries[i].name);
        printf(", %d},\n", entries[i].kind);
    }
    printf("};\nconst size_t casia__country_total = %lu;\n\n", (unsigned long)n_entries);
    printf("const casia__country_code casia__country_codes[] = {\n");
    for (i = 0; i < n_codes; i++) {
        printf("    {");
        put_string(stdout, codes[i].text);
        printf(", %d},\n", codes[i].index);
    }
    printf("};\nconst size_t casia__country_code_total = %lu;\n\n", (unsigned long)n_codes);
    printf("const casia__country_key casia__country_keys[] = {\n");
    for (i = 0; i < n_keys; i++) {
        printf("    {");
        put_string(stdout, keys[i].key);
        printf(", %d, ", keys[i].index);
        if (keys[i].index < 0)
            put_string(stdout, keys[i].choices);
        else
            printf("NULL");
        printf("},\n");
    }
    printf("};\nconst size_t casia__country_key_total = %lu;\n", (unsigned long)n_keys);
    return ferror(stdout) ? 1 : 0;
}
