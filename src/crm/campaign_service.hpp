#pragma once
// Campaigns: a product set sold inside a window (company-local days, both inclusive) by its
// participants — departments (with their sub-departments) and named staff; with neither, the
// whole company — towards a target amount, at a cost recorded entry by entry.
//
// Progress is the campaign's subscription: 认购 and 申购 (not failed or cancelled) of its
// products, traded inside the window, credited to participants (a credit counts by the
// department its staff member was in on the trade day, fixed when the trade was recorded).
//
// Who manages a campaign: admins any; a manager the campaigns whose participants all lie in the
// departments they manage (a company-wide campaign is the admins'). The sales team reads them all.
//
// Events: campaign.created / .updated / .cost_recorded / .cost_deleted.

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "core/money.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "crm/page.hpp"
#include "store/campaign_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> campaign_cost_categories();

struct CampaignInput {
  std::string name;
  std::optional<std::string> description;
  core::LocalDate starts_on{};
  core::LocalDate ends_on{};
  core::Fen target = 0;
  std::vector<std::int64_t> product_ids;
  std::vector<std::int64_t> department_ids;
  std::vector<std::int64_t> staff_ids;
};

struct CampaignChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> description;
  std::optional<core::LocalDate> starts_on;
  std::optional<core::LocalDate> ends_on;
  std::optional<core::Fen> target;
  std::optional<std::vector<std::int64_t>> product_ids;
  std::optional<std::vector<std::int64_t>> department_ids;
  std::optional<std::vector<std::int64_t>> staff_ids;
};

struct CostInput {
  core::LocalDate incurred_on{};
  std::string category;
  core::Fen amount = 0;
  std::optional<std::string> description;
};

// A campaign with its standing today.
struct CampaignView {
  store::CampaignRecord campaign;
  std::string status;  // planned, running, ended (by today, company time)
  core::Fen subscription = 0;
  core::Fen cost_total = 0;
};

class CampaignService {
 public:
  static constexpr std::size_t kMaxProducts = 100;
  static constexpr std::size_t kMaxParticipants = 1000;

  CampaignService(store::Store& store, const core::Clock& clock, const EventLog& events,
                  DataScopes& scopes)
      : store_(store), clock_(clock), events_(events), scopes_(scopes) {}

  core::Result<CampaignView> create(const CampaignInput& input, const auth::Principal& caller,
                                    const auth::Actor& actor);
  core::Result<CampaignView> update(std::int64_t id, const CampaignChanges& changes,
                                    const auth::Principal& caller, const auth::Actor& actor);
  core::Result<CampaignView> get(std::int64_t id, const auth::Principal& caller);
  core::Result<Page<CampaignView>> list(const store::CampaignFilter& filter,
                                        const auth::Principal& caller);

  core::Result<store::CampaignCost> add_cost(std::int64_t campaign_id, const CostInput& input,
                                             const auth::Principal& caller,
                                             const auth::Actor& actor);
  core::Status remove_cost(std::int64_t campaign_id, std::int64_t cost_id,
                           const auth::Principal& caller, const auth::Actor& actor);
  core::Result<std::vector<store::CampaignCost>> costs(std::int64_t campaign_id);

 private:
  core::Result<CampaignView> view_of(store::Connection& db, store::CampaignRecord campaign,
                                     const std::string& today);
  core::Result<store::CampaignRecord> load_managed(store::Connection& db, std::int64_t id,
                                                   const DataScope& scope);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  DataScopes& scopes_;
};

boost::json::object campaign_to_json(const store::CampaignRecord& campaign);
boost::json::object campaign_view_to_json(const CampaignView& view);
boost::json::object campaign_cost_to_json(const store::CampaignCost& cost);

}  // namespace laurel::crm
