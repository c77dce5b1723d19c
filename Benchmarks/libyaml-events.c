/*
 * libyaml baseline for the YAML load benchmark (Benchmarks/run.sh).
 *
 * Reads FILE once, then runs ITERATIONS full yaml_parser_parse event loops over the bytes
 * (parser init, every event until STREAM-END, event delete, parser delete) and prints the
 * median and minimum milliseconds per iteration. No tree is built: this is the floor that any
 * libyaml-based loader (ours included) sits on.
 *
 *   cc -O2 -o libyaml-events libyaml-events.c -lyaml
 *   ./libyaml-events FILE [ITERATIONS] [WARMUP]
 *
 * Output (one line, machine-readable):
 *   libyaml-events iterations=N events=E median_ms=X min_ms=Y
 */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One full event parse; returns the number of events, or -1 on a parse error. */
static long parse_once(const unsigned char *bytes, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, bytes, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "libyaml error: %s at line %lu\n", parser.problem ? parser.problem : "?",
                    (unsigned long)parser.problem_mark.line + 1);
            yaml_parser_delete(&parser);
            return -1;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ITERATIONS] [WARMUP]\n", argv[0]);
        return 2;
    }
    int iterations = argc > 2 ? atoi(argv[2]) : 20;
    int warmup = argc > 3 ? atoi(argv[3]) : 2;
    if (iterations < 1) iterations = 1;

    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *bytes = malloc((size_t)size);
    if (!bytes || fread(bytes, 1, (size_t)size, f) != (size_t)size) { fprintf(stderr, "read failed\n"); return 2; }
    fclose(f);

    long events = 0;
    for (int i = 0; i < warmup; i++) events = parse_once(bytes, (size_t)size);
    double *times = malloc(sizeof(double) * (size_t)iterations);
    for (int i = 0; i < iterations; i++) {
        double start = now_ms();
        events = parse_once(bytes, (size_t)size);
        times[i] = now_ms() - start;
        if (events < 0) return 1;
    }
    qsort(times, (size_t)iterations, sizeof(double), cmp_double);
    double median = iterations % 2 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
    printf("libyaml-events iterations=%d events=%ld median_ms=%.3f min_ms=%.3f\n", iterations, events, median, times[0]);
    free(times);
    free(bytes);
    return 0;
}
