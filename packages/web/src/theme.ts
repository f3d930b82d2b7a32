import type { ThemeConfig } from 'antd';

/** One primary colour for the whole system: the Ant Design blue of government admin apps. */
export const PRIMARY = '#1677ff';
/** The dark blue of the top bar. */
export const HEADER_BG = '#0b2a5b';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
    Menu: { itemBorderRadius: 0, itemMarginInline: 0, itemMarginBlock: 0, subMenuItemBg: '#ffffff' },
    Table: { headerBg: '#f5f7fa', headerColor: '#1f1f1f' },
  },
};
