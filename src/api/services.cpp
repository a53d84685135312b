#include "api/services.hpp"

namespace laurel::api {
namespace {

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  return url;
}

}  // namespace

Services::Services(const config::Config& config_in, std::unique_ptr<store::Store> store_in,
                   const core::Clock& clock_in)
    : config(config_in),
      clock(clock_in),
      store(std::move(store_in)),
      hasher({config.auth.argon2_opslimit, config.auth.argon2_memlimit_kib}),
      throttle({config.auth.login_max_failures_per_user, config.auth.login_max_failures_per_ip,
                config.auth.login_window},
               clock),
      audit(*store, clock),
      auth(*store, clock, hasher, throttle, audit,
           {config.auth.session_ttl, config.auth.session_idle}),
      users(*store, clock, hasher, audit, auth),
      tokens(*store, clock, audit, auth),
      events(clock),
      zone(core::CompanyZone::locate(config.company.timezone).value()),
      departments(*store, clock, events),
      staff(*store, clock, zone, events),
      products(*store, clock, events),
      clients(*store, clock, events),
      coverage(*store, clock, zone, events),
      scopes(*store, clock, zone),
      transactions(*store, clock, zone, events),
      holdings(*store, clock, zone, events),
      intake(*store, clock, transactions, holdings),
      org_charts(*store, clock, events),
      key_people(*store, clock, events, scopes),
      visits(*store, clock, zone, events, scopes, config.crm.visit_edit_days),
      service_records(*store, clock, events, scopes),
      reach(*store, clock, zone),
      client_statuses(*store, holdings, config.crm.dormant_after_days),
      campaigns(*store, clock, events, scopes),
      targets(*store, clock, events, scopes),
      opportunities(*store, clock, events, scopes),
      calendar(*store, clock, events),
      metrics(*store, clock, events),
      boards(*store, clock, events),
      engine(*store, zone),
      snapshots(*store, clock, zone, events, boards, engine),
      board_rows(*store, clock, events, boards, engine),
      good_news_rules(*store, clock, events, config.recognition.grace_days,
                      config.crm.dormant_after_days),
      good_news(*store, clock, events, engine),
      point_rules(*store, clock, events, config.recognition.grace_days),
      point_levels(*store, events),
      points_expiry(*store, clock, {config.points.expire_after_days, zone}),
      points(*store, scopes, engine, point_rules, points_expiry, zone),
      rewards(*store, scopes, engine, points, point_levels, events, clock),
      flag_set(*store, events),
      flags(*store, engine, points, flag_set, scopes, zone),
      badges(*store, clock, events, engine, config.recognition.grace_days),
      challenges(*store, clock, events, engine, zone, config.recognition.grace_days),
      digest(*store, engine, flags, badges, point_levels, challenges, scopes, zone),
      gaming_flags(*store, scopes, engine, zone),
      live(*store, {{config.server.stream_queue_messages, 4 * 1024 * 1024}, 500}),
      chat_targets(*store, clock, audit),
      chat(*store, clock, zone, audit, crm::make_curl_poster(),
           {config.chat.timeout, config.chat.max_attempts, config.chat.retry_base,
            std::chrono::seconds(3600), without_trailing_slash(config.server.public_url)}),
      pictures(*store, clock) {}

}  // namespace laurel::api
