export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
