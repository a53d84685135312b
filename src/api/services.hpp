#pragma once
// Everything the route handlers use, owned in one place and wired from the configuration.
// `laurel serve` makes one; tests make their own over a temporary database.

#include <memory>

#include "auth/audit_trail.hpp"
#include "auth/auth_service.hpp"
#include "auth/login_throttle.hpp"
#include "auth/password_hasher.hpp"
#include "auth/token_service.hpp"
#include "auth/user_service.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "crm/badge_service.hpp"
#include "crm/board_rows_service.hpp"
#include "crm/board_service.hpp"
#include "crm/calendar_service.hpp"
#include "crm/campaign_service.hpp"
#include "crm/challenge_service.hpp"
#include "crm/chat_delivery_service.hpp"
#include "crm/chat_target_service.hpp"
#include "crm/client_service.hpp"
#include "crm/client_status.hpp"
#include "crm/coverage_service.hpp"
#include "crm/data_scope.hpp"
#include "crm/department_service.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_intake.hpp"
#include "crm/event_log.hpp"
#include "crm/flag_service.hpp"
#include "crm/flag_set.hpp"
#include "crm/gaming_flags.hpp"
#include "crm/good_news_rule_service.hpp"
#include "crm/good_news_service.hpp"
#include "crm/holdings_service.hpp"
#include "crm/key_people_service.hpp"
#include "crm/live_stream.hpp"
#include "crm/metric_service.hpp"
#include "crm/opportunity_service.hpp"
#include "crm/org_chart_service.hpp"
#include "crm/picture_service.hpp"
#include "crm/point_levels.hpp"
#include "crm/point_rule_service.hpp"
#include "crm/points_expiry.hpp"
#include "crm/points_service.hpp"
#include "crm/product_service.hpp"
#include "crm/reach_service.hpp"
#include "crm/recognition_digest.hpp"
#include "crm/reward_service.hpp"
#include "crm/service_record_service.hpp"
#include "crm/snapshot_service.hpp"
#include "crm/staff_service.hpp"
#include "crm/target_service.hpp"
#include "crm/transaction_service.hpp"
#include "crm/visit_service.hpp"
#include "store/store.hpp"

namespace laurel::api {

struct Services {
  Services(const config::Config& config, std::unique_ptr<store::Store> store,
           const core::Clock& clock);

  config::Config config;
  const core::Clock& clock;
  std::unique_ptr<store::Store> store;
  auth::PasswordHasher hasher;
  auth::LoginThrottle throttle;
  auth::AuditTrail audit;
  auth::AuthService auth;
  auth::UserService users;
  auth::TokenService tokens;
  crm::EventLog events;
  core::CompanyZone zone;  // checked when the configuration was loaded
  crm::DepartmentService departments;
  crm::StaffService staff;
  crm::ProductService products;
  crm::ClientService clients;
  crm::CoverageService coverage;
  crm::DataScopes scopes;
  crm::TransactionService transactions;
  crm::HoldingsService holdings;
  crm::EventIntake intake;
  crm::OrgChartService org_charts;
  crm::KeyPeopleService key_people;
  crm::VisitService visits;
  crm::ServiceRecordService service_records;
  crm::ReachService reach;
  crm::ClientStatuses client_statuses;
  crm::CampaignService campaigns;
  crm::TargetService targets;
  crm::OpportunityService opportunities;
  crm::CalendarService calendar;
  crm::MetricService metrics;
  crm::BoardService boards;
  crm::EngineService engine;         // the recognition engine, folding the event log
  crm::SnapshotService snapshots;    // frozen leaderboards
  crm::BoardRowsService board_rows;  // manual rows of manual and hybrid boards
  crm::GoodNewsRuleService good_news_rules;
  crm::GoodNewsService good_news;
  crm::PointRuleService point_rules;
  crm::PointLevelService point_levels;
  crm::PointsExpiry points_expiry;   // spendable points past their last day
  crm::PointsService points;         // balances, journals and why, previews, budgets
  crm::RewardService rewards;        // the rewards shop: catalogue and orders
  crm::FlagSetService flag_set;      // which CRM functions have a flag, in which colour
  crm::FlagService flags;            // people's flags and the weekly parade
  crm::BadgeService badges;          // badge rules, people's badges
  crm::ChallengeService challenges;  // goals and head-to-heads, and where everyone stands
  crm::RecognitionDigest digest;     // the week's flags, badges and level-ups
  crm::GamingFlags gaming_flags;     // padded activity, flagged for managers
  crm::LiveStream live;              // good news pushed to open pages (/api/v1/stream)
  crm::ChatTargetService chat_targets;
  crm::ChatDeliveryService chat;  // published good news to the group chats
  crm::PictureService pictures;
};

}  // namespace laurel::api
