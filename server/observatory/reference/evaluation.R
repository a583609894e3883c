# Reference numbers for the observatory's evaluation statistics (Wilson score intervals,
# the quantiles behind response-time medians and 90th percentiles, the WDD's normal tail),
# computed by R so that no one here computed them.
#
# Regenerate from the repository root (R >= 4 with jsonlite):
#   Rscript server/observatory/reference/evaluation.R
# It rewrites server/observatory/reference/fixtures/evaluation.json; the tests read that file
# (CI does not run R).
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261206)

# Wilson score interval: prop.test without continuity correction reports it (R clamps to [0, 1]).
wilson <- list()
for (n in c(1, 2, 3, 5, 9, 10, 11, 17, 30, 50, 100, 250, 1000, 12345)) {
  xs <- unique(c(0, 1, 2, floor(n / 3), floor(n / 2), n - 1, n))
  for (x in xs[xs >= 0 & xs <= n]) {
    ci <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
    wilson[[length(wilson) + 1]] <- list(x = x, n = n, low = ci[1], high = ci[2])
  }
}

# Quantiles, type 7 (R's default, linear interpolation between order statistics).
vectors <- list(
  c(420),
  c(300, 480),
  c(60, 120, 180, 240, 300, 360, 420, 480, 540, 600),
  as.numeric(round(rexp(37, 1 / 400))),
  as.numeric(round(rlnorm(120, log(420), 0.6))),
  c(0, 0, 0, 30, 30, 900),
  as.numeric(rpois(25, 300))
)
quantiles <- lapply(vectors, function(v) {
  list(values = I(v), p50 = unname(quantile(v, 0.5, type = 7)),
       p90 = unname(quantile(v, 0.9, type = 7)), p10 = unname(quantile(v, 0.1, type = 7)))
})

# The WDD's two-sided p for a few z (normal tail), and the published example's interval.
wdd_example <- local({
  t <- c(207, 110); ct <- c(308, 318); d <- c(178, 157); cd <- c(150, 140)
  est <- (t[2] - t[1]) - (ct[2] - ct[1]) + (d[2] - d[1]) - (cd[2] - cd[1])
  se <- sqrt(sum(t, ct, d, cd))
  z <- est / se
  list(wdd = est, se = se, z = z, p = 2 * pnorm(-abs(z)),
       low = est - qnorm(0.975) * se, high = est + qnorm(0.975) * se)
})

out <- list(
  generated_by = "server/observatory/reference/evaluation.R",
  r_version = R.version.string,
  wilson = wilson,
  quantiles = quantiles,
  wdd_example = wdd_example
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE),
           "server/observatory/reference/fixtures/evaluation.json")
