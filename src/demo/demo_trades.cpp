#include "demo/demo_trades.hpp"

#include <cmath>
#include <cstdio>

#include "demo/demo_calendar.hpp"

namespace laurel::demo {
namespace {

constexpr double kTradesPerWorkingDay = 820;

std::vector<double> trading_weights(const World& w) {
  std::vector<double> weights;
  for (const auto& c : w.clients)
    weights.push_back(c.trades ? std::pow(c.weight, 0.8) : 0.0);
  return weights;
}

core::LocalDate trading_day_from(core::LocalDate day) {
  while (!is_trading_day(day))
    day = plus_days(day, 1);
  return day;
}

}  // namespace

TradeBook::TradeBook(World& world) : w_(world), clients_(trading_weights(world)) {
  reactivation_buy_ = trading_day_from(plus_days(w_.first_day, 20));
  reactivation_sell_ = trading_day_from(plus_days(w_.first_day, 45));
  reactivation_return_ = trading_day_from(plus_days(w_.options.as_of, -40));
}

void TradeBook::add(std::vector<crm::BatchRow>& rows, std::size_t client, std::size_t product,
                    const char* kind, core::Fen amount, core::LocalDate day, int minute,
                    std::optional<core::LocalDate> confirm_day, bool scripted) {
  crm::TransactionInput in;
  char id[32];
  std::snprintf(id, sizeof id, "TA%04d%02u%02u-%05zu", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), ++serial_);
  in.external_id = id;
  in.client_id = w_.clients[client].id;
  in.product_id = w_.products[product].id;
  in.kind = kind;
  in.amount = amount;
  in.trade_time = w_.local(day, 9 + minute / 60, minute % 60);
  in.status = "applied";
  if (confirm_day) {
    const double u = scripted ? 0 : w_.random.unit();
    in.status = u < 0.97 ? "confirmed" : u < 0.99 ? "failed" : "cancelled";
    if (in.status == "confirmed") {
      in.confirm_date = *confirm_day;
      const std::string k = kind;
      const bool out = k == "redeem" || k == "switch_out";
      balances_[{client, product}] += out ? -amount : amount;
    }
  }
  rows.emplace_back(std::move(in));
}

void TradeBook::scripted(std::vector<crm::BatchRow>& rows, core::LocalDate day,
                         std::optional<core::LocalDate> confirm_day) {
  if (!w_.reactivated) return;
  const auto client = *w_.reactivated;
  std::size_t bond = 0;
  while (w_.products[bond].type != "bond")
    ++bond;
  if (day == reactivation_buy_)
    add(rows, client, bond, "purchase", 800'000'000, day, 30, confirm_day, true);
  if (day == reactivation_sell_) {
    add(rows, client, bond, "redeem", balances_[{client, bond}], day, 30, confirm_day, true);
  }
  if (day == reactivation_return_) {
    add(rows, client, bond, "purchase", 500'000'000, day, 30, confirm_day, true);
  }
}

std::vector<crm::BatchRow> TradeBook::day(core::LocalDate trade_day,
                                          std::optional<core::LocalDate> confirm_day) {
  std::vector<crm::BatchRow> rows;
  scripted(rows, trade_day, confirm_day);
  const auto count = static_cast<int>(kTradesPerWorkingDay * (0.75 + 0.5 * w_.random.unit()));
  for (int i = 0; i < count; ++i) {
    const auto client = clients_.pick(w_.random);
    const auto& c = w_.clients[client];
    const int minute = static_cast<int>(w_.random.between(30, 5 * 60 + 59));  // 09:30-14:59
    // A new fund in its offering month draws 认购 from one client in seven.
    std::optional<std::size_t> offering;
    for (std::size_t p = 0; p < w_.products.size(); ++p) {
      const auto& product = w_.products[p];
      if (product.offering_from && trade_day >= *product.offering_from &&
          trade_day <= *product.offering_to) {
        offering = p;
      }
    }
    const bool money = [&] {
      for (auto p : c.products)
        if (w_.products[p].type == "money_market") return true;
      return false;
    }();
    const auto product =
        offering && w_.random.chance(0.15) ? *offering : w_.random.pick(c.products);
    double yuan = w_.random.lognormal(std::log(200'000.0), 0.9) * std::sqrt(c.weight);
    if (w_.products[product].type == "money_market" || (money && w_.random.chance(0.1)))
      yuan *= 2.5;
    const core::Fen amount =
        std::max<core::Fen>(1'000, static_cast<core::Fen>(std::min(yuan, 5e8) / 1000) * 1000) * 100;
    const bool new_fund_window = offering && product == *offering;
    const auto held = balances_[{client, product}];
    if (new_fund_window) {
      add(rows, client, product, "subscribe", amount, trade_day, minute, confirm_day);
    } else if (held > 0 && w_.random.chance(0.38)) {
      const auto redeemed = w_.random.chance(0.2) ? held : std::min(held, amount);
      add(rows, client, product, "redeem", redeemed, trade_day, minute, confirm_day);
    } else if (held > 0 && c.products.size() > 1 && w_.random.chance(0.04)) {
      auto target = w_.random.pick(c.products);
      if (target == product) continue;
      const auto moved = std::min(held, amount);
      add(rows, client, product, "switch_out", moved, trade_day, minute, confirm_day);
      add(rows, client, target, "switch_in", moved, trade_day, minute, confirm_day);
    } else if (held > 100'000 && w_.random.chance(0.02)) {
      add(rows, client, product, "dividend_reinvest", held / 100, trade_day, minute, confirm_day);
    } else {
      add(rows, client, product, "purchase", amount, trade_day, minute, confirm_day);
    }
  }
  return rows;
}

}  // namespace laurel::demo
