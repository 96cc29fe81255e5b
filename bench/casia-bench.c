/*
 * casia-bench - libcasia's benchmark of the Comtrade fast path.
 *
 *   casia-bench comtrade FILE    the streaming job: prints
 *                                reporter,year,turnover,hhi,top_partner,top_share
 *   casia-bench load FILE        the full load into the store (months summed)
 *   casia-bench newlines FILE    the physical reference: read() into a reused
 *                                buffer and count the line feeds
 *   casia-bench newlines-mmap FILE   the same count over mmap() of the whole
 *                                file (to compare the two ways of reading)
 *
 * With --stats (before the job name) each job also prints one line to
 * standard error:
 *   job=... bytes=... seconds=... MBps=... rows=... rowsps=... peak_rss_kib=...
 * (MB = 10^6 bytes; seconds of wall-clock time of the whole job, from before
 * the file is opened to after the result is written; peak RSS of the whole
 * process from getrusage). See bench/README.md.
 */
#include <casia.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NL_BUFFER (256u * 1024u)   /* the same size as libcasia's reads */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;   /* KiB on Linux */
}

static void stats(const char *job, unsigned long long bytes, double secs,
                  unsigned long long rows, const char *extra)
{
    fprintf(stderr,
            "job=%s bytes=%llu seconds=%.3f MBps=%.1f rows=%llu rowsps=%.0f "
            "peak_rss_kib=%ld%s%s\n",
            job, bytes, secs, secs > 0 ? (double)bytes / secs / 1e6 : 0.0, rows,
            secs > 0 ? (double)rows / secs : 0.0, peak_rss_kib(),
            extra ? " " : "", extra ? extra : "");
}

static int fail(const char *what, int rc, const casia_error *err)
{
    if (err && err->code) {
        char msg[1024];
        casia_error_format(err, msg, sizeof msg);
        fprintf(stderr, "casia-bench: %s: %s\n", what, msg);
    } else {
        fprintf(stderr, "casia-bench: %s: %s\n", what, casia_strerror(rc));
    }
    return 1;
}

static int job_newlines(const char *path, int show)
{
    double t0 = now();
    int fd = open(path, O_RDONLY);
    char *buf = malloc(NL_BUFFER);
    unsigned long long lines = 0, bytes = 0;
    ssize_t n;
    if (fd < 0 || !buf) {
        fprintf(stderr, "casia-bench: %s: %s\n", path, strerror(errno));
        free(buf);
        return 1;
    }
    while ((n = read(fd, buf, NL_BUFFER)) > 0) {
        const char *p = buf, *end = buf + n;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            lines++;
            p++;
        }
        bytes += (unsigned long long)n;
    }
    close(fd);
    free(buf);
    if (n < 0) {
        fprintf(stderr, "casia-bench: %s: %s\n", path, strerror(errno));
        return 1;
    }
    printf("%llu\n", lines);
    if (show)
        stats("newlines", bytes, now() - t0, lines, NULL);
    return 0;
}

static int job_newlines_mmap(const char *path, int show)
{
    double t0 = now();
    int fd = open(path, O_RDONLY);
    struct stat st;
    unsigned long long lines = 0;
    const char *m, *p, *end;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stderr, "casia-bench: %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return 1;
    }
    if (st.st_size == 0) {
        close(fd);
        printf("0\n");
        return 0;
    }
    m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) {
        fprintf(stderr, "casia-bench: %s: %s\n", path, strerror(errno));
        return 1;
    }
    end = m + st.st_size;
    for (p = m; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        lines++;
    munmap((void *)m, (size_t)st.st_size);
    printf("%llu\n", lines);
    if (show)
        stats("newlines-mmap", (unsigned long long)st.st_size, now() - t0, lines, NULL);
    return 0;
}

static int job_comtrade(const char *path, int show)
{
    double t0 = now();
    casia_stream *s;
    casia_import_report rep;
    casia_error err;
    char *csv;
    size_t len;
    int rc;
    if ((rc = casia_stream_new(&s, NULL)) != CASIA_OK)
        return fail("casia_stream_new", rc, NULL);
    if ((rc = casia_stream_add_file(s, path, &rep, &err)) != CASIA_OK) {
        casia_stream_free(s);
        return fail(path, rc, &err);
    }
    if ((rc = casia_stream_to_csv(&csv, &len, s)) != CASIA_OK) {
        casia_stream_free(s);
        return fail("casia_stream_to_csv", rc, NULL);
    }
    fwrite(csv, 1, len, stdout);
    fflush(stdout);
    if (show) {
        char extra[128];
        snprintf(extra, sizeof extra, "pairs=%lu kept=%llu",
                 (unsigned long)casia_stream_count(s), rep.kept);
        stats("stream", rep.bytes, now() - t0, rep.rows, extra);
    }
    casia_free(csv);
    casia_stream_free(s);
    return 0;
}

static int job_load(const char *path, int show)
{
    double t0 = now();
    casia_dataset *ds;
    casia_import_options opt;
    casia_import_report rep;
    casia_error err;
    int rc;
    casia_import_options_init(&opt);
    opt.sum_months = 1;
    rc = casia_import_file(&ds, path, CASIA_FORMAT_AUTO, &opt, &rep, &err);
    if (rc != CASIA_OK)
        return fail(path, rc, &err);
    printf("%lu observations\n", (unsigned long)casia_dataset_observation_count(ds));
    fflush(stdout);
    if (show) {
        char extra[256];
        size_t n = casia_dataset_observation_count(ds);
        double t = now() - t0;
        snprintf(extra, sizeof extra,
                 "observations=%lu store_bytes=%lu store_bytes_per_obs=%.1f "
                 "peak_bytes_per_obs=%.1f",
                 (unsigned long)n, (unsigned long)casia_dataset_memory_usage(ds),
                 n ? (double)casia_dataset_memory_usage(ds) / (double)n : 0.0,
                 n ? (double)peak_rss_kib() * 1024.0 / (double)n : 0.0);
        stats("load", rep.bytes, t, rep.rows, extra);
    }
    casia_dataset_free(ds);
    return 0;
}

static int usage(FILE *f)
{
    fputs("usage: casia-bench [--stats] comtrade|load|newlines|newlines-mmap FILE\n"
          "  comtrade  the streaming job on a UN Comtrade Plus file: prints\n"
          "            reporter,year,turnover,hhi,top_partner,top_share\n"
          "  load      imports the file into a dataset (months summed)\n"
          "  newlines  read() + line-feed count: the physical reference\n"
          "  newlines-mmap  the same count over mmap() of the whole file\n"
          "  --stats   also print time, MB/s, rows/s and peak RSS to stderr\n",
          f);
    return f == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
    int show = 0, i = 1;
    if (argc > 1 && strcmp(argv[1], "--help") == 0)
        return usage(stdout);
    if (argc > i && strcmp(argv[i], "--stats") == 0) {
        show = 1;
        i++;
    }
    if (argc != i + 2)
        return usage(stderr);
    if (strcmp(argv[i], "comtrade") == 0)
        return job_comtrade(argv[i + 1], show);
    if (strcmp(argv[i], "load") == 0)
        return job_load(argv[i + 1], show);
    if (strcmp(argv[i], "newlines") == 0)
        return job_newlines(argv[i + 1], show);
    if (strcmp(argv[i], "newlines-mmap") == 0)
        return job_newlines_mmap(argv[i + 1], show);
    return usage(stderr);
}
