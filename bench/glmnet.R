# Times R glmnet's full binomial lasso path on a CSV (target column 'class', positive = second sorted level).
# Usage: Rscript bench/glmnet.R data/synth50k.csv [repeats]
# Prints: glmnet_seconds=<median wall> glmnet_cpu_seconds=<median user+sys> glmnet_cpu_min=<min> npasses nlambda
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) >= 1) args[1] else "data/synth50k.csv"
reps <- if (length(args) >= 2) as.integer(args[2]) else 5
d <- read.csv(file)
y <- as.integer(factor(d$class)) - 1
x <- as.matrix(d[, setdiff(names(d), "class")])
glmnet.control(fdev = 0)
fit <- glmnet(x, y, family = "binomial", alpha = 1)  # warm-up
st <- replicate(reps, system.time(fit <- glmnet(x, y, family = "binomial", alpha = 1)))
wall <- median(st["elapsed", ])
cpu <- median(st["user.self", ] + st["sys.self", ])
cpumin <- min(st["user.self", ] + st["sys.self", ])
cat(sprintf("glmnet_seconds=%.4f glmnet_cpu_seconds=%.4f glmnet_cpu_min=%.4f npasses=%d nlambda=%d\n", wall, cpu,
            cpumin, fit$npasses, length(fit$lambda)))
