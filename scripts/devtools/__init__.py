"""Developer tooling, not shipped with the edition: servers, link and CSP checks, benchmarks."""
