// What a login costs: argon2id hashing and verification at the configured cost and at the
// alternatives an admin might choose (auth.argon2_opslimit, auth.argon2_memlimit_kib).
//
//   build/bench/bench/login_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>

#include "auth/password_hasher.hpp"

namespace {

using laurel::auth::Argon2Cost;
using laurel::auth::PasswordHasher;

void verify(benchmark::State& state) {
  const Argon2Cost cost{static_cast<unsigned long long>(state.range(0)),
                        static_cast<std::size_t>(state.range(1))};
  PasswordHasher hasher(cost);
  const auto hash = hasher.hash("correct horse battery").value();
  for (auto _ : state)
    benchmark::DoNotOptimize(hasher.verify(hash, "correct horse battery"));
  state.SetLabel("opslimit=" + std::to_string(cost.opslimit) +
                 " memlimit=" + std::to_string(cost.memlimit_kib / 1024) + "MiB");
}

// (opslimit, memlimit KiB): libsodium's INTERACTIVE (2, 64 MiB), Laurel's default (3, 64 MiB),
// and a dearer (4, 128 MiB).
BENCHMARK(verify)
    ->Args({2, 64 * 1024})
    ->Args({3, 64 * 1024})
    ->Args({4, 128 * 1024})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
