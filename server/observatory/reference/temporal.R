# Reference numbers for the observatory's time statistics (Mann–Kendall, exact Poisson
# intervals and rate ratios), computed by R so that no one here computed them.
#
# Regenerate from the repository root (R ≥ 4 with jsonlite and spdep):
#   Rscript server/observatory/reference/temporal.R
#   npx prettier --write server/observatory/reference/fixtures/temporal.json
# It rewrites server/observatory/reference/fixtures/temporal.json; the tests read that file
# (CI does not run R). Infinite values are written as null.
suppressPackageStartupMessages({
  library(jsonlite)
  library(spdep)
})
set.seed(20261205)

mk <- function(name, y) {
  n <- length(y)
  s <- 0
  for (i in 1:(n - 1)) for (j in (i + 1):n) s <- s + sign(y[j] - y[i])
  ct <- suppressWarnings(cor.test(x = seq_along(y), y = y, method = "kendall", exact = FALSE))
  list(name = name, y = y, s = s, tau = unname(ct$estimate), z = unname(ct$statistic),
       p = ct$p.value)
}

series <- list(
  mk("n10_continuous", round(rnorm(10), 6)),
  mk("n5_ties", c(2, 1, 2, 3, 3)),
  mk("n20_ties", as.numeric(rpois(20, 2))),
  mk("n30_strong_trend", round(seq_len(30) + rnorm(30, sd = 0.5), 6)),
  mk("n49_ties_decreasing", as.numeric(rpois(49, seq(8, 2, length.out = 49)))),
  mk("n52_zscores", round(rnorm(52, mean = seq(-1, 1.5, length.out = 52)), 4)),
  mk("n52_ties_many_zeros", as.numeric(rpois(52, 0.4))),
  mk("n60_continuous", round(rnorm(60), 6))
)

fin <- function(v) if (is.finite(v)) v else NULL

singles <- lapply(c(0, 1, 2, 5, 10, 37, 100, 1000, 25000), function(x) {
  ci <- poisson.test(x)$conf.int
  list(x = x, low = ci[1], high = ci[2])
})

# a, b, and their exposures ta, tb (days: a leap year's February against a common one)
pairs <- list(c(0, 5, 1, 1), c(5, 0, 1, 1), c(1, 1, 1, 1), c(3, 7, 1, 1), c(12, 9, 1, 1),
              c(100, 80, 1, 1), c(1000, 1100, 1, 1), c(40, 0, 1, 1), c(0, 1, 1, 1),
              c(31, 22, 29, 28), c(0, 4, 366, 365))
ratios <- lapply(pairs, function(v) {
  pt <- poisson.test(v[1:2], T = v[3:4])
  list(a = v[1], b = v[2], ta = v[3], tb = v[4], ratio = fin(unname(pt$estimate)),
       low = fin(pt$conf.int[1]), high = fin(pt$conf.int[2]))
})

# A small space-time cube end to end: a 6 × 7 grid (row-major, queen neighbours with the cell
# itself, binary weights), 12 weekly slices of Poisson counts around a block that grows. Per
# slice: localG (Gi*), two-sided p, p.adjust BH; per cell: Mann–Kendall on its z-scores.
rows <- 6; cols <- 7; weeks <- 12
lw <- nb2listw(include.self(cell2nb(rows, cols, type = "queen")), style = "B")
block <- c(2, 3, 4) # rows and columns (1-based) of the block
counts <- lapply(seq_len(weeks), function(t) {
  lambda <- matrix(1, rows, cols)
  lambda[block, block] <- 1 + t / 2
  as.numeric(rpois(rows * cols, as.vector(t(lambda)))) # row-major, as cell2nb numbers cells
})
z <- sapply(counts, function(x) as.numeric(localG(x, lw))) # cells × weeks
states <- sapply(seq_len(weeks), function(t) {
  q <- p.adjust(2 * pnorm(-abs(z[, t])), method = "BH")
  ifelse(q <= 0.05, sign(z[, t]), 0)
})
trend <- lapply(seq_len(rows * cols), function(i) {
  ct <- suppressWarnings(cor.test(seq_len(weeks), z[i, ], method = "kendall", exact = FALSE))
  list(tau = unname(ct$estimate), z = unname(ct$statistic), p = ct$p.value)
})
cube <- list(rows = rows, cols = cols, counts = counts, z = unname(split(z, col(z))),
             states = unname(split(states, col(states))), trend = trend)

out <- list(
  generated_by = "server/observatory/reference/temporal.R",
  r_version = R.version.string,
  mann_kendall = series,
  poisson_single = singles,
  poisson_ratio = ratios,
  cube = cube
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "server/observatory/reference/fixtures/temporal.json")
