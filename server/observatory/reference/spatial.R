# Reference numbers for the observatory's hot-spot statistics, computed by R and spdep so that
# the TypeScript under server/observatory/stats/ is checked against an implementation no one
# here wrote. Writes JSON fixtures (inputs and outputs) to fixtures/ beside this script.
#
#   Rscript server/observatory/reference/spatial.R
#
# Made with R 4 and spdep 1.2.7. The test suite reads the fixtures; CI does not run R.

suppressMessages({
  library(spdep)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- file.path(dirname(normalizePath(script)), "fixtures")
dir.create(out_dir, showWarnings = FALSE)

# Queen contiguity on the cells of a rows x cols grid that the mask keeps, the cell itself
# included (Gi*), binary weights. cell2nb numbers cells row by row (column fastest), which is
# the order of the TypeScript region: cell k (1-based) is row (k - 1) %/% cols, column
# (k - 1) %% cols.
masked_listw <- function(rows, cols, mask) {
  nb <- cell2nb(rows, cols, type = "queen")
  nb <- subset(nb, mask)
  list(nb = nb, lw = nb2listw(include.self(nb), style = "B", zero.policy = TRUE))
}

# Exact conditional permutation reference for integer data: hold x_i, draw |N_i| - 1 of the
# other n - 1 values without replacement. The distribution of the drawn sum is counted by
# dynamic programming over subsets (no sampling), and the folded p-value is
# min(P(S >= s), P(S <= s)), ties counted in both tails.
exact_conditional <- function(x, nb_self) {
  n <- length(x)
  sapply(seq_len(n), function(i) {
    k <- length(nb_self[[i]]) - 1L
    s_obs <- sum(x[nb_self[[i]]]) - x[i]
    if (k == 0L) return(1)
    others <- x[-i]
    top <- sum(sort(others, decreasing = TRUE)[seq_len(k)])
    # ways[j + 1, s + 1]: share of j-subsets of the items seen so far summing to s
    ways <- matrix(0, k + 1L, top + 1L)
    ways[1, 1] <- 1
    for (v in others) {
      for (j in k:1) {
        if (v <= top) {
          shifted <- c(rep(0, v), ways[j, seq_len(top + 1L - v)])
          ways[j + 1L, ] <- ways[j + 1L, ] + shifted
        }
      }
    }
    dist <- ways[k + 1L, ] / sum(ways[k + 1L, ])
    s <- 0:top
    min(sum(dist[s >= s_obs]), sum(dist[s <= s_obs]))
  })
}

# ── Case 1: counts on a 14 x 18 grid with holes and ragged edges, a cluster, a lone cell ──
set.seed(20261205)
rows <- 14L
cols <- 18L
mask <- rep(TRUE, rows * cols)
# 0-based rows x columns -> 1-based cells
at <- function(r, c) as.vector(outer(r, c, function(r, c) r * cols + c + 1L))
for (r in 0:(rows - 1L)) {
  # ragged east and west edges
  west <- sample(0:2, 1)
  east <- sample(0:2, 1)
  if (west > 0) mask[at(r, 0:(west - 1L))] <- FALSE
  if (east > 0) mask[at(r, (cols - east):(cols - 1L))] <- FALSE
}
mask[at(0, 0:6)] <- FALSE # a bite out of the south edge
mask[at(5:7, 8:9)] <- FALSE # a park in the middle
mask[at(11, 4)] <- FALSE # single holes
mask[at(3, 13)] <- FALSE
# a lone cell cut off from the rest: its own neighbour only
mask[at(12:13, 14:17)] <- FALSE
mask[at(13, 16)] <- TRUE
mask[at(12:13, 15)] <- FALSE
kept <- which(mask)
rc <- cbind(row = (kept - 1L) %/% cols, col = (kept - 1L) %% cols)
centre_dist <- sqrt((rc[, "row"] - 9)^2 + (rc[, "col"] - 5)^2)
lambda <- 0.4 + 6 * exp(-centre_dist^2 / 6)
counts <- rpois(length(kept), lambda)

w1 <- masked_listw(rows, cols, mask)
g1 <- as.numeric(localG(counts, w1$lw))
p1_exact <- exact_conditional(counts, include.self(w1$nb))

# The classes that follow from the exact p-values: two-sided p (twice the folded, at most 1),
# Benjamini-Hochberg q, then 99 / 95 / 90 % at q <= 0.01 / 0.05 / 0.10, hot or cold by the
# sign of Gi*.
q1_exact <- p.adjust(pmin(1, 2 * p1_exact), method = "BH")
level <- ifelse(q1_exact <= 0.01, "99", ifelse(q1_exact <= 0.05, "95", ifelse(q1_exact <= 0.1, "90", "")))
class1 <- ifelse(level == "" | g1 == 0, "none", paste0(ifelse(g1 > 0, "hot", "cold"), level))

write_json(
  list(
    about = "Gi* (spdep::localG, include.self, style B, queen), exact conditional permutation folded p-values on integer counts, their BH q and classes",
    rows = rows, cols = cols, mask = as.integer(mask), x = counts,
    gi = g1, foldedExact = p1_exact, qExact = q1_exact, classExact = class1,
    spdep = as.character(packageVersion("spdep"))
  ),
  file.path(out_dir, "gi-counts.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE
)

# ── Case 2: continuous values (rates) on a 9 x 11 grid; spdep's own permutations ──
set.seed(7)
rows2 <- 9L
cols2 <- 11L
mask2 <- rep(TRUE, rows2 * cols2)
mask2[c(1:3, 11, 12, 22, 45, 46, 56, 97:99, 89)] <- FALSE
kept2 <- which(mask2)
rc2 <- cbind(row = (kept2 - 1L) %/% cols2, col = (kept2 - 1L) %% cols2)
hot <- exp(-((rc2[, "row"] - 2)^2 + (rc2[, "col"] - 8)^2) / 4)
cold <- exp(-((rc2[, "row"] - 6)^2 + (rc2[, "col"] - 2)^2) / 4)
rates <- round(rgamma(length(kept2), shape = 4, rate = 40) * (1 + 3 * hot - 0.8 * cold), 6)

w2 <- masked_listw(rows2, cols2, mask2)
g2 <- as.numeric(localG(rates, w2$lw))
set.seed(99)
perm <- localG_perm(rates, w2$lw, nsim = 9999)
internals <- attr(perm, "internals")
stopifnot(!any(duplicated(rates)))

write_json(
  list(
    about = "Gi* and spdep::localG_perm (nsim 9999) 'Pr(folded) Sim' on continuous values; spdep draws every slot, the cell's own included, with replacement from the other n - 1 values",
    rows = rows2, cols = cols2, mask = as.integer(mask2), x = rates,
    gi = g2, nsim = 9999L, foldedSim = as.numeric(internals[, "Pr(folded) Sim"]),
    spdep = as.character(packageVersion("spdep"))
  ),
  file.path(out_dir, "gi-rates-perm.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE
)

# ── Benjamini-Hochberg: ties, zeros, ones and values near the cut-offs ──
set.seed(3)
p <- c(
  0, 0, 1e-300, 1e-12, 0.001, 0.01, 0.01, 0.01, 0.0100001, 0.02, 0.04, 0.049, 0.05, 0.05,
  0.1, 0.2, 0.5, 0.5, 0.5, 0.999, 1, 1, round(runif(40), 4), runif(20, 0, 0.05)
)
write_json(
  list(about = "p.adjust(p, method = 'BH')", p = p, q = p.adjust(p, method = "BH")),
  file.path(out_dir, "bh.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE
)

cat("fixtures written to", out_dir, "\n")
