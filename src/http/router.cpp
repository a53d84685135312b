#include "http/router.hpp"

#include <boost/url/parse_path.hpp>
#include <stdexcept>

namespace laurel::http {
namespace {

std::vector<std::string> split_pattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    const auto end = std::min(pattern.find('/', start), pattern.size());
    std::string segment = pattern.substr(start, end - start);
    if (segment.empty()) throw std::invalid_argument("empty segment in route " + pattern);
    if (segment.front() == '{' && (segment.back() != '}' || segment.size() < 3)) {
      throw std::invalid_argument("bad parameter in route " + pattern);
    }
    segments.push_back(std::move(segment));
    start = end + 1;
  }
  return segments;
}

}  // namespace

void Router::add(RouteSpec spec) {
  for (const auto& route : routes_) {
    if (route.spec.method == spec.method && route.spec.pattern == spec.pattern) {
      throw std::invalid_argument("route defined twice: " + spec.method + " " + spec.pattern);
    }
  }
  if (!spec.handler) throw std::invalid_argument("route without handler: " + spec.pattern);
  Route route;
  route.segments = split_pattern(spec.pattern);
  route.spec = std::move(spec);
  route.index = routes_.size();
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  auto parsed = boost::urls::parse_path(path);
  if (!parsed || path.empty() || path.front() != '/') {
    result.outcome = RouteMatch::Outcome::bad_path;
    return result;
  }
  std::vector<std::string> segments;
  for (const auto& segment : *parsed)
    segments.push_back(segment.decode());

  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool same_path = true;
    for (std::size_t i = 0; i < segments.size() && same_path; ++i) {
      const auto& expected = route.segments[i];
      if (expected.front() == '{') {
        same_path = !segments[i].empty();  // "/users/" names no user
        params.emplace_back(expected.substr(1, expected.size() - 2), segments[i]);
      } else {
        same_path = expected == segments[i];
      }
    }
    if (!same_path) continue;
    if (route.spec.method == method || (method == "HEAD" && route.spec.method == "GET")) {
      result.outcome = RouteMatch::Outcome::matched;
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
    result.outcome = RouteMatch::Outcome::method_not_allowed;
    if (!result.allowed.empty()) result.allowed += ", ";
    result.allowed += route.spec.method;
  }
  return result;
}

}  // namespace laurel::http
