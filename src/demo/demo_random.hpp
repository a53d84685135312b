#pragma once
// The demo's source of chance: one 64-bit Mersenne Twister seeded by `laurel demo --seed`, and
// the few shapes the fictional company needs. The same seed gives the same company, call for
// call (no std:: distributions, whose output may differ between standard libraries).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace laurel::demo {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform integer in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(unit() * static_cast<double>(high - low + 1));
  }
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, N - 1))];
  }
  // Pareto with minimum 1: a few very large values, most small (alpha 1.16: "80/20").
  double pareto(double alpha) { return std::pow(1.0 - unit(), -1.0 / alpha); }
  // Log-normal around exp(mu).
  double lognormal(double mu, double sigma) {
    const double u1 = 1.0 - unit(), u2 = unit();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    return std::exp(mu + sigma * normal);
  }

 private:
  std::mt19937_64 engine_;
};

// Picks indices in proportion to their weights (cumulative sums, binary search).
class WeightedPicker {
 public:
  explicit WeightedPicker(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights)
      cumulative_.push_back(total += w);
  }
  std::size_t pick(Random& random) const {
    const double target = random.unit() * cumulative_.back();
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace laurel::demo
