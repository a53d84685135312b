#include "engine/facts.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace laurel::engine {
namespace {

constexpr std::array<std::string_view, kTradeKinds> kCodes = {
    "subscribe", "purchase", "redeem", "switch_in", "switch_out", "dividend_reinvest"};

}  // namespace

std::optional<TradeKind> parse_trade_kind(std::string_view code) {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<TradeKind>(i);
  }
  return std::nullopt;
}

std::string_view to_string(TradeKind kind) {
  return kCodes[static_cast<std::size_t>(kind)];
}

int flow_sign(TradeKind kind) {
  return kind == TradeKind::redeem || kind == TradeKind::switch_out ? -1 : 1;
}

void Reference::departments_up_from(std::int64_t department_id,
                                    std::vector<std::int64_t>& out) const {
  out.clear();
  for (std::int64_t id = department_id; id != 0;) {
    if (std::find(out.begin(), out.end(), id) != out.end()) break;  // a cycle: never loop
    out.push_back(id);
    const auto parent = department_parent.find(id);
    if (parent == department_parent.end()) break;
    id = parent->second;
  }
}

bool Reference::takes_part(const CampaignFact& campaign, const Credit& credit,
                           std::int64_t& participating, std::vector<std::int64_t>& scratch) const {
  departments_up_from(credit.department_id, scratch);
  participating = 0;
  if (campaign.whole_company()) return true;
  for (const auto d : scratch) {
    if (std::find(campaign.department_ids.begin(), campaign.department_ids.end(), d) !=
        campaign.department_ids.end()) {
      participating = d;
      break;
    }
  }
  return participating != 0 || std::find(campaign.staff_ids.begin(), campaign.staff_ids.end(),
                                         credit.staff_id) != campaign.staff_ids.end();
}

}  // namespace laurel::engine
