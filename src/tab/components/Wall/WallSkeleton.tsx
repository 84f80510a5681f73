import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useWallStyles } from './Wall.styles.js';

const SKELETON_CARDS = 6;

/** Grey cards in the shape of stories while the first page loads (inside the busy list). */
export function WallSkeleton() {
  const styles = useWallStyles();
  return (
    <>
      {Array.from({ length: SKELETON_CARDS }, (_, index) => (
        <li key={index} className={styles.item}>
          <Skeleton className={styles.skeletonCard} aria-hidden>
            <div className={styles.skeletonRow}>
              <SkeletonItem shape="rectangle" size={20} />
              <SkeletonItem shape="rectangle" size={20} />
            </div>
            <SkeletonItem size={24} />
            <SkeletonItem size={16} />
            <SkeletonItem size={16} />
            <SkeletonItem size={16} />
            <SkeletonItem size={48} />
            <div className={styles.skeletonRow}>
              <SkeletonItem shape="circle" size={28} />
              <SkeletonItem size={28} />
            </div>
          </Skeleton>
        </li>
      ))}
    </>
  );
}
