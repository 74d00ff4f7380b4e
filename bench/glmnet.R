# Times R glmnet's full binomial lasso path on a CSV (target column 'class', positive = second sorted level).
# Usage: Rscript bench/glmnet.R data/synth50k.csv [repeats]
# The features are encoded as prunekit's TableEncoder does: numeric columns as they are (missing -> median),
# categorical columns one-hot with one 0/1 column per level (missing -> most frequent level), so both sides fit the
# same design matrix (read.csv would otherwise leave text columns as characters and as.matrix turns them into NA).
# Prints: glmnet_seconds=<median wall> glmnet_cpu_seconds=<median user+sys> glmnet_cpu_min=<min> npasses nlambda ncol
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) >= 1) args[1] else "data/synth50k.csv"
reps <- if (length(args) >= 2) as.integer(args[2]) else 5
d <- read.csv(file, stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
y <- as.integer(factor(d$class)) - 1
cols <- list()
for (f in setdiff(names(d), "class")) {
  v <- d[[f]]
  if (is.numeric(v) || is.logical(v) && all(is.na(v))) {
    v <- as.numeric(v)
    v[is.na(v)] <- median(v, na.rm = TRUE)
    cols[[f]] <- v
  } else {
    v <- as.character(v)
    counts <- table(v)
    v[is.na(v)] <- names(counts)[which.max(counts)]
    for (lv in sort(unique(v))) cols[[paste0(f, "_", lv)]] <- as.numeric(v == lv)
  }
}
x <- do.call(cbind, cols)
if (any(!is.finite(x))) stop("glmnet.R: non-finite values after encoding ", file)
glmnet.control(fdev = 0)
fit <- glmnet(x, y, family = "binomial", alpha = 1)  # warm-up
st <- replicate(reps, system.time(fit <- glmnet(x, y, family = "binomial", alpha = 1)))
wall <- median(st["elapsed", ])
cpu <- median(st["user.self", ] + st["sys.self", ])
cpumin <- min(st["user.self", ] + st["sys.self", ])
cat(sprintf("glmnet_seconds=%.4f glmnet_cpu_seconds=%.4f glmnet_cpu_min=%.4f npasses=%d nlambda=%d ncol=%d\n", wall, cpu,
            cpumin, fit$npasses, length(fit$lambda), ncol(x)))
