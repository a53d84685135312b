// A leaderboard's standings in memory: engine::Ranking (competition and dense ties) against a
// plain Boost.MultiIndex container (hashed on the id, ranked on (score, seq)) measured in the same
// process, alternately, so the ratio is taken on the same noisy machine at the same moment.
//
// One operation: a random subject's new score, its rank, the top 10. Latencies come from a
// hand-written loop (steady_clock around each operation, sorted) because percentiles are the aim
// and Google Benchmark reports means. Memory per entry is what the heap holds for the structure
// (glibc's mallinfo2: heap chunks in use plus mmapped blocks) divided by the subjects.
//
//   ranking_bench [ops] [rounds] [sizes...]   (defaults: 200000 2 10000 100000 1000000)
#include <malloc.h>

#include <algorithm>
#include <array>
#include <boost/multi_index/composite_key.hpp>
#include <boost/multi_index/hashed_index.hpp>
#include <boost/multi_index/member.hpp>
#include <boost/multi_index/ranked_index.hpp>
#include <boost/multi_index_container.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "engine/ranking.hpp"

namespace laurel::bench {
namespace {

namespace mi = boost::multi_index;
using Clock = std::chrono::steady_clock;

// Untimed operations first, so the timed ones start with warm caches and branch predictors.
constexpr std::size_t kWarmUp = 20'000;

struct Op {
  std::int64_t subject;
  std::int64_t score;
};

// The same subjects and scores for every structure of one size: scores drawn from n/4 values,
// so most scores are shared by about four subjects (ties are the point of a tie policy).
struct Workload {
  std::size_t n = 0;
  std::vector<std::int64_t> initial;  // initial[i]: subject i+1's first score
  std::vector<Op> ops;
  std::size_t timed = 0;  // ops timed whole, after the warm-up
};

Workload make_workload(std::size_t n, std::size_t ops) {
  std::mt19937_64 random(20261202 + n);
  const auto values = static_cast<std::int64_t>(std::max<std::size_t>(n / 4, 1));
  std::uniform_int_distribution<std::int64_t> score(0, values - 1);
  std::uniform_int_distribution<std::int64_t> subject(1, static_cast<std::int64_t>(n));
  Workload w;
  w.n = n;
  w.timed = ops;
  w.initial.resize(n);
  for (auto& s : w.initial)
    s = score(random);
  w.ops.resize(kWarmUp + ops + ops / 2);  // the last half-run for the timing in parts
  for (auto& op : w.ops)
    op = {subject(random), score(random)};
  return w;
}

// Bytes the process holds from malloc. hblkhd counts too: an allocation past the mmap threshold
// (the hashed index's bucket array at 1,000,000 subjects is 12 MiB) is not in uordblks.
std::size_t heap_bytes() {
  const struct mallinfo2 m = ::mallinfo2();
  return m.uordblks + m.hblkhd;
}

struct Result {
  double p50_us = 0, p99_us = 0, mean_us = 0;
  double bytes_per_entry = 0;
  std::array<double, 3> parts_us{};  // mean of the update, the rank, the top 10
  std::array<double, 3> parts_p99_us{};
  std::array<std::int64_t, 10> top{};  // the last top 10's subjects: both must agree
};

// Latencies in nanoseconds; allocated by the caller before the memory is measured, so they do not
// count.
struct Samples {
  std::vector<std::int64_t> whole;
  std::array<std::vector<std::int64_t>, 3> parts;
};

double percentile_us(std::vector<std::int64_t>& ns, double q) {
  std::sort(ns.begin(), ns.end());
  return static_cast<double>(ns[static_cast<std::size_t>(q * static_cast<double>(ns.size() - 1))]) /
         1000.0;
}

double mean_us(const std::vector<std::int64_t>& ns) {
  return static_cast<double>(std::accumulate(ns.begin(), ns.end(), 0LL)) /
         static_cast<double>(ns.size()) / 1000.0;
}

// Each operation timed on its own (two clock reads around it) for the percentiles and the mean;
// then `ops / 2` more timed in their three parts (four reads) for each part's mean and p99, kept
// out of the first loop so that the extra reads do not inflate the whole operation's figures.
template <class Update, class Rank, class Top>
void time_ops(const Workload& w, Samples& samples, Result& out, Update&& update, Rank&& rank,
              Top&& top) {
  const auto ns = [](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
  };
  std::size_t i = 0;
  for (; i < kWarmUp; ++i) {
    update(w.ops[i]);
    rank(w.ops[i]);
    top();
  }
  samples.whole.clear();
  for (; i < kWarmUp + w.timed; ++i) {
    const auto start = Clock::now();
    update(w.ops[i]);
    rank(w.ops[i]);
    top();
    const auto stop = Clock::now();
    samples.whole.push_back(ns(stop - start));
  }
  out.mean_us = mean_us(samples.whole);
  out.p50_us = percentile_us(samples.whole, 0.50);
  out.p99_us = percentile_us(samples.whole, 0.99);

  for (auto& part : samples.parts)
    part.clear();
  for (; i < w.ops.size(); ++i) {
    const Op& op = w.ops[i];
    const auto t0 = Clock::now();
    update(op);
    const auto t1 = Clock::now();
    rank(op);
    const auto t2 = Clock::now();
    top();
    const auto t3 = Clock::now();
    samples.parts[0].push_back(ns(t1 - t0));
    samples.parts[1].push_back(ns(t2 - t1));
    samples.parts[2].push_back(ns(t3 - t2));
  }
  for (std::size_t k = 0; k < samples.parts.size(); ++k) {
    out.parts_us[k] = mean_us(samples.parts[k]);
    out.parts_p99_us[k] = percentile_us(samples.parts[k], 0.99);
  }
}

// What one clock read costs here: it is inside every timed figure.
double clock_read_ns() {
  const std::size_t reads = 1'000'000;
  Clock::time_point last{};
  const auto start = Clock::now();
  for (std::size_t i = 0; i < reads; ++i)
    last = Clock::now();
  return static_cast<double>(
             std::chrono::duration_cast<std::chrono::nanoseconds>(last - start).count()) /
         static_cast<double>(reads);
}

// Read by nobody; written so that no result can be optimised away.
volatile std::int64_t g_sink = 0;

// The baseline: what a leaderboard needs at its plainest. seq orders equal scores (the first to
// reach a score first), as Laurel's reached moment does.
struct Plain {
  std::int64_t id;
  std::int64_t score;
  std::int64_t seq;
};
using PlainBoard = mi::multi_index_container<
    Plain,
    mi::indexed_by<
        mi::hashed_unique<mi::member<Plain, std::int64_t, &Plain::id>>,
        mi::ranked_non_unique<
            mi::composite_key<Plain, mi::member<Plain, std::int64_t, &Plain::score>,
                              mi::member<Plain, std::int64_t, &Plain::seq>>,
            mi::composite_key_compare<std::greater<std::int64_t>, std::less<std::int64_t>>>>>;

Result run_baseline(const Workload& w, Samples& samples, std::size_t& buckets) {
  Result out;
  const std::size_t before = heap_bytes();
  PlainBoard board;
  std::int64_t seq = 0;
  for (std::size_t i = 0; i < w.n; ++i)
    board.insert(Plain{static_cast<std::int64_t>(i) + 1, w.initial[i], ++seq});
  out.bytes_per_entry = static_cast<double>(heap_bytes() - before) / static_cast<double>(w.n);
  buckets = board.get<0>().bucket_count();

  auto& by_id = board.get<0>();
  auto& ranked = board.get<1>();
  std::int64_t sink = 0;
  time_ops(
      w, samples, out,
      [&](const Op& op) {
        by_id.modify(by_id.find(op.subject), [&](Plain& p) {
          p.score = op.score;
          p.seq = ++seq;
        });
      },
      // Found again by id, as Ranking::find is handed a subject and not an iterator.
      [&](const Op& op) {
        sink += static_cast<std::int64_t>(ranked.rank(board.project<1>(by_id.find(op.subject))));
      },
      [&] {
        // A copy of the top 10, as Laurel's page hands out copies.
        std::array<Plain, 10> top{};
        std::size_t k = 0;
        for (auto t = ranked.nth(0); t != ranked.end() && k < top.size(); ++t)
          top[k++] = *t;
        sink += top[k - 1].id;
      });
  g_sink = sink;
  std::size_t k = 0;
  for (auto t = ranked.nth(0); t != ranked.end() && k < out.top.size(); ++t)
    out.top[k++] = t->id;
  return out;
}

Result run_laurel(const Workload& w, engine::TiePolicy policy, Samples& samples) {
  Result out;
  const std::size_t before = heap_bytes();
  engine::Ranking ranking(policy);
  std::int64_t seq = 0;
  // The moment a subject reached its score, in step with the baseline's seq.
  const auto moment = [](std::int64_t s) {
    return engine::Moment{core::Timestamp(std::chrono::microseconds(s)), s};
  };
  for (std::size_t i = 0; i < w.n; ++i) {
    ++seq;
    ranking.set(static_cast<std::int64_t>(i) + 1, engine::Score{w.initial[i], 1}, 0, moment(seq));
  }
  out.bytes_per_entry = static_cast<double>(heap_bytes() - before) / static_cast<double>(w.n);

  std::int64_t sink = 0;
  time_ops(
      w, samples, out,
      [&](const Op& op) {
        ++seq;
        ranking.set(op.subject, engine::Score{op.score, 1}, 0, moment(seq));
      },
      [&](const Op& op) { sink += ranking.find(op.subject)->rank; },
      [&] { sink += ranking.page(0, 10).back().subject_id; });
  g_sink = sink;
  const auto top = ranking.page(0, out.top.size());
  for (std::size_t k = 0; k < top.size(); ++k)
    out.top[k] = top[k].subject_id;
  return out;
}

// What one dependent load that misses every cache costs on this machine (a pointer chase in
// random order over 256 MiB), against one over 256 KiB that stays in L2: the unit in which the
// growth from 10,000 to 1,000,000 subjects is read.
double chase_ns(std::size_t bytes) {
  const std::size_t n = bytes / sizeof(std::size_t);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin() + 1, order.end(), std::mt19937_64(1));
  std::vector<std::size_t> next(n);
  for (std::size_t i = 0; i + 1 < n; ++i)
    next[order[i]] = order[i + 1];
  next[order[n - 1]] = order[0];
  const std::size_t steps = 20'000'000;
  std::size_t at = 0;
  for (std::size_t i = 0; i < steps / 10; ++i)
    at = next[at];
  const auto start = Clock::now();
  for (std::size_t i = 0; i < steps; ++i)
    at = next[at];
  const auto stop = Clock::now();
  g_sink = static_cast<std::int64_t>(at);
  return static_cast<double>(
             std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count()) /
         static_cast<double>(steps);
}

// Buckets: the baseline's bucket array, 8 bytes a bucket; Ranking's hashed index grows the same
// way for the same subjects, so its bucket array is the same size.
void print_row(std::size_t n, const char* structure, const Result& r, std::size_t buckets,
               const Result* baseline) {
  std::printf("%9zu  %-19s %6.2f %6.2f %6.2f   %5.2f %5.2f %5.2f  %5.1f %5.1f %5.1f   %6.1f %5.1f",
              n, structure, r.p50_us, r.p99_us, r.mean_us, r.parts_us[0], r.parts_us[1],
              r.parts_us[2], r.parts_p99_us[0], r.parts_p99_us[1], r.parts_p99_us[2],
              r.bytes_per_entry,
              static_cast<double>(buckets * sizeof(void*)) / static_cast<double>(n));
  if (baseline)
    std::printf("   %5.2f %5.2f", r.p99_us / baseline->p99_us, r.mean_us / baseline->mean_us);
  std::printf("\n");
  std::fflush(stdout);
}

int run(int argc, char** argv) {
  std::size_t ops = 200'000;
  int rounds = 2;
  std::vector<std::size_t> sizes = {10'000, 100'000, 1'000'000};
  if (argc > 1) ops = std::stoul(argv[1]);
  if (argc > 2) rounds = std::stoi(argv[2]);
  if (argc > 3) sizes.clear();
  for (int i = 3; i < argc; ++i)
    sizes.push_back(std::stoul(argv[i]));

  std::printf("dependent load: %.1f ns over 256 KiB, %.1f ns over 256 MiB (a cache and TLB miss)\n",
              chase_ns(256u << 10), chase_ns(256u << 20));
  std::printf("clock read: %.1f ns (two per op are in p50/p99/mean, four in the parts)\n",
              clock_read_ns());
  std::printf(
      "one op = set a random subject's score + find its rank + page(0, 10); %zu ops timed whole "
      "and %zu in parts after %zu warm-up, per run\n\n",
      ops, ops / 2, kWarmUp);
  std::printf("%9s  %-19s  %-19s   %-17s  %-17s   %-12s   %s\n", "", "", "whole op (us)",
              "parts' mean (us)", "parts' p99 (us)", "bytes", "/ the baseline");
  std::printf("%9s  %-19s %6s %6s %6s   %5s %5s %5s  %5s %5s %5s   %6s %5s   %5s %5s\n", "subjects",
              "structure", "p50", "p99", "mean", "set", "rank", "top10", "set", "rank", "top10",
              "/entry", "bkts", "p99", "mean");
  Samples samples;
  samples.whole.reserve(ops);
  for (auto& part : samples.parts)
    part.reserve(ops / 2);
  for (std::size_t n : sizes) {
    const Workload w = make_workload(n, ops);
    // baseline, competition, baseline, dense: each of Laurel's runs next to a baseline run.
    for (int round = 0; round < rounds; ++round) {
      for (auto policy : {engine::TiePolicy::competition, engine::TiePolicy::dense}) {
        std::size_t buckets = 0;
        const Result base = run_baseline(w, samples, buckets);
        print_row(n, "plain multi_index", base, buckets, nullptr);
        const Result laurel = run_laurel(w, policy, samples);
        // The same operations in the same order must leave the same top 10 (equal scores ordered
        // by the moment reached, as seq orders them): otherwise the two did different work.
        if (laurel.top != base.top) {
          std::fprintf(stderr, "the top 10 of Ranking and the baseline differ at %zu\n", n);
          return 1;
        }
        print_row(
            n, policy == engine::TiePolicy::competition ? "Ranking competition" : "Ranking dense",
            laurel, buckets, &base);
      }
    }
  }
  return 0;
}

}  // namespace
}  // namespace laurel::bench

int main(int argc, char** argv) {
  return laurel::bench::run(argc, argv);
}
