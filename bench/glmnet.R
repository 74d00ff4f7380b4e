# Times R glmnet's full binomial lasso path on a CSV (target column 'class', positive = second sorted level).
# Usage: Rscript bench/glmnet.R data/synth50k.csv [repeats]
# Prints: glmnet_seconds=<median> npasses=<n> nlambda=<n>
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) >= 1) args[1] else "data/synth50k.csv"
reps <- if (length(args) >= 2) as.integer(args[2]) else 5
d <- read.csv(file)
y <- as.integer(factor(d$class)) - 1
x <- as.matrix(d[, setdiff(names(d), "class")])
glmnet.control(fdev = 0)
fit <- glmnet(x, y, family = "binomial", alpha = 1)  # warm-up
times <- replicate(reps, system.time(fit <- glmnet(x, y, family = "binomial", alpha = 1))[["elapsed"]])
cat(sprintf("glmnet_seconds=%.4f npasses=%d nlambda=%d\n", median(times), fit$npasses, length(fit$lambda)))
