#pragma once
// Helpers shared by the database benchmarks: a throw-away SQLite file in /tmp, stopping on the
// first error, a seeded random source, and company-local dates.

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "core/error.hpp"
#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::bench {

// The value, or the error on stderr and exit: a benchmark has nobody to hand an error to.
template <class T>
T must(core::Result<T> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "%s: %s\n", what, result.error().message.c_str());
    std::exit(1);
  }
  return std::move(*result);
}
inline void must(core::Status status, const char* what) {
  if (!status) {
    std::fprintf(stderr, "%s: %s\n", what, status.error().message.c_str());
    std::exit(1);
  }
}

// A database file of its own in the temporary folder, removed (with its -wal and -shm) when the
// object goes — unless LAUREL_BENCH_KEEP_DB is set, to look at it afterwards (EXPLAIN QUERY PLAN).
class TempDatabase {
 public:
  explicit TempDatabase(const std::string& stem)
      : path_((std::filesystem::temp_directory_path() /
               (stem + "-" + std::to_string(::getpid()) + ".db"))
                  .string()),
        keep_(std::getenv("LAUREL_BENCH_KEEP_DB") != nullptr) {
    remove();
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;
  ~TempDatabase() {
    if (keep_) {
      std::fprintf(stderr, "kept %s\n", path_.c_str());
    } else {
      remove();
    }
  }

  const std::string& path() const { return path_; }
  // The database and its write-ahead log, in bytes.
  std::uintmax_t size() const {
    std::error_code ec;
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
      const auto s = std::filesystem::file_size(path_ + suffix, ec);
      if (!ec) total += s;
    }
    return total;
  }

 private:
  void remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(path_ + suffix, ec);
  }
  std::string path_;
  bool keep_;
};

inline std::unique_ptr<store::SqliteStore> open_store(const std::string& path, bool bulk_load) {
  store::SqliteOptions options;
  options.path = path;
  options.bulk_load = bulk_load;
  return must(store::SqliteStore::open(std::move(options)), "open the database");
}

// Deterministic: the same seed gives the same data on every machine.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::int64_t between(std::int64_t low, std::int64_t high) {  // inclusive
    return std::uniform_int_distribution<std::int64_t>(low, high)(engine_);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(N) - 1))];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  // An index drawn with the given weights.
  std::size_t weighted(const std::vector<double>& weights) {
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(engine_);
  }

 private:
  std::mt19937_64 engine_;
};

// "YYYY-MM-DD" of a UTC microsecond instant in the company's zone (Asia/Shanghai, UTC+8, no
// daylight saving).
inline std::string shanghai_date(std::int64_t micros) {
  using namespace std::chrono;
  const auto local = sys_seconds{seconds{micros / 1'000'000 + 8 * 3600}};
  const year_month_day ymd{floor<days>(local)};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace laurel::bench
